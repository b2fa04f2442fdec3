package dev.herald.localstack.kafka;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Keeps the broker's own loggers at WARN unless told otherwise, so that a test run or the
 * local run shows the application's logs rather than Kafka's start-up chatter.
 * <p>
 * Only server-side logger names are touched; the clients' loggers
 * ({@code org.apache.kafka.clients}, {@code org.apache.kafka.common}) stay as the
 * application configures them. The level is set now and also as a {@code logging.level.*}
 * system property, so Spring Boot keeps it when it initializes logging later. A
 * {@code logging.level.*} system property that exists already wins;
 * {@code -Dherald.kafka.log-level=INFO} brings the chatter back.
 */
final class BrokerLogging {

	static final String LEVEL_PROPERTY = "herald.kafka.log-level";

	private static final List<String> BROKER_LOGGERS = List.of("kafka", "state.change.logger",
			"org.apache.kafka.common.metrics", "org.apache.kafka.common.utils.AppInfoParser",
			"org.apache.kafka.controller", "org.apache.kafka.coordinator", "org.apache.kafka.image",
			"org.apache.kafka.metadata", "org.apache.kafka.queue", "org.apache.kafka.raft", "org.apache.kafka.server",
			"org.apache.kafka.snapshot", "org.apache.kafka.storage");

	private BrokerLogging() {
	}

	static void apply() {
		String level = System.getProperty(LEVEL_PROPERTY, "WARN").toUpperCase(Locale.ROOT);
		LoggingSystem loggingSystem = LoggingSystem.get(BrokerLogging.class.getClassLoader());
		for (String name : BROKER_LOGGERS) {
			String key = "logging.level." + name;
			if (System.getProperty(key) == null) {
				System.setProperty(key, level);
				loggingSystem.setLogLevel(name, LogLevel.valueOf(level));
			}
		}
	}

}
