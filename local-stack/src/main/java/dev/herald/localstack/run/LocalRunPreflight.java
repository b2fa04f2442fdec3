package dev.herald.localstack.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.herald.localstack.Ports;
import dev.herald.localstack.run.PortsInUseException.PortUse;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Checks, before anything starts, that every port the local run needs is free and that
 * the services' jars exist; and turns the web server off when there is no inbox page to
 * serve.
 */
public class LocalRunPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		LocalRunProperties properties = Binder.get(environment).bindOrCreate("herald.run", LocalRunProperties.class);
		if (!properties.runs(Component.SMTP)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("heraldRunWithoutInbox",
						Map.of("spring.main.web-application-type", "none")));
		}
		List<PortUse> taken = neededPorts(properties).stream().filter((use) -> !Ports.isFree(use.port())).toList();
		if (!taken.isEmpty()) {
			throw new PortsInUseException(taken);
		}
		if (properties.services()) {
			properties.apps()
				.forEach((app) -> ServiceProcess.findJar(properties.projectDirectory().resolve(app.name())));
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
			ports.add(new PortUse(properties.inboxPort(), "the inbox page", "herald.run.inbox-port"));
		}
		if (properties.services()) {
			for (int i = 0; i < properties.apps().size(); i++) {
				ServiceApp app = properties.apps().get(i);
				ports.add(new PortUse(app.port(), app.name(), "herald.run.apps[" + i + "].port"));
			}
		}
		return ports;
	}

}
