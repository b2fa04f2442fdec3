package dev.herald.localstack.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

	/**
	 * How long a port held by a stale run's service may take to be freed, unless
	 * {@code herald.run.stale-run-grace} says otherwise.
	 */
	static final Duration STALE_RUN_GRACE = Duration.ofSeconds(20);

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		LocalRunProperties properties = Binder.get(event.getEnvironment())
			.bindOrCreate("herald.run", LocalRunProperties.class);
		List<PortUse> taken = taken(properties);
		Duration grace = Binder.get(event.getEnvironment())
			.bind("herald.run.stale-run-grace", Duration.class)
			.orElse(STALE_RUN_GRACE);
		if (!taken.isEmpty() && properties.services()) {
			List<StaleServices.Stale> stale = StaleServices.find(properties.projectPath(), properties.apps());
			if (!stale.isEmpty()) {
				System.out.println("Stopping " + stale.stream().map(Object::toString).collect(Collectors.joining(", "))
						+ ", left running by a run that ended without stopping "
						+ ((stale.size() == 1) ? "it" : "them"));
				StaleServices.stop(stale, grace);
				taken = taken(properties);
			}
		}
		if (!taken.isEmpty() && !grace.isZero()) {
			// The services of a run whose supervisor died stop by themselves within
			// seconds (SupervisorWatch): give them that time before refusing.
			System.out.println("Waiting up to " + grace.toSeconds() + " s for port " + taken.get(0).port() + " ("
					+ taken.get(0).user() + "): a previous run may still be stopping");
			Instant deadline = Instant.now().plus(grace);
			while (!taken.isEmpty() && Instant.now().isBefore(deadline)) {
				pause();
				taken = taken(properties);
			}
		}
		if (!taken.isEmpty()) {
			throw new PortsInUseException(taken);
		}
		if (properties.services()) {
			properties.apps().forEach((app) -> ServiceProcess.findJar(properties.projectPath().resolve(app.name())));
		}
	}

	private static List<PortUse> taken(LocalRunProperties properties) {
		return neededPorts(properties).stream().filter((use) -> !Ports.isFree(use.port())).toList();
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
