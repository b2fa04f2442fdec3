package dev.herald.localstack.run;

import java.util.ArrayList;
import java.util.List;

import dev.herald.localstack.Ports;
import dev.herald.localstack.run.PortsInUseException.PortUse;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Checks, before anything starts, that every port the local run needs is free and that
 * the services' jars exist.
 */
public class LocalRunPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		LocalRunProperties properties = Binder.get(event.getEnvironment())
			.bindOrCreate("herald.run", LocalRunProperties.class);
		List<PortUse> taken = neededPorts(properties).stream().filter((use) -> !Ports.isFree(use.port())).toList();
		if (!taken.isEmpty()) {
			throw new PortsInUseException(taken);
		}
		if (properties.services()) {
			properties.apps().forEach((app) -> ServiceProcess.findJar(properties.projectPath().resolve(app.name())));
		}
	}

	static List<PortUse> neededPorts(LocalRunProperties properties) {
		List<PortUse> ports = new ArrayList<>();
		if (properties.runs(Component.KAFKA)) {
			ports.add(new PortUse(properties.kafkaPort(), "the Kafka broker", "herald.run.kafka-port"));
		}
		if (properties.runs(Component.MONGO)) {
			ports.add(new PortUse(properties.mongoPort(), "the MongoDB server", "herald.run.mongo-port"));
		}
		if (properties.runs(Component.SMTP)) {
			ports.add(new PortUse(properties.smtpPort(), "the SMTP server", "herald.run.smtp-port"));
		}
		String webServer = properties.runs(Component.SMTP) ? "the inbox page" : "the health endpoint";
		ports.add(new PortUse(properties.inboxPort(), webServer, "herald.run.inbox-port"));
		if (properties.services()) {
			for (int i = 0; i < properties.apps().size(); i++) {
				ServiceApp app = properties.apps().get(i);
				ports.add(new PortUse(app.port(), app.name(), "herald.run.apps[" + i + "].port"));
			}
		}
		return ports;
	}

}
