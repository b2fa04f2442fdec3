package dev.herald.localstack;

import java.util.Map;

import dev.herald.localstack.mail.InboxWebConfiguration;
import dev.herald.localstack.run.LocalRunConfiguration;
import dev.herald.localstack.run.LocalRunPreflight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The one-command local run: Kafka, a MongoDB-protocol server, SMTP with an inbox page,
 * then the three services as child processes. Ctrl-C stops everything.
 * <p>
 * Its configuration file is {@code localstack.yml}, never {@code application.yml}, so
 * that this jar on a service's test classpath cannot shadow the service's own settings.
 * It imports its configurations explicitly instead of scanning packages, so that the
 * test-support package is never picked up.
 */
@SpringBootConfiguration
// It runs these servers and is no client of them, even where a classpath has their
// starters.
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
		"org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration" })
@Import({ LocalRunConfiguration.class, InboxWebConfiguration.class })
public class LocalStackApplication {

	/**
	 * Starts the local run; exits with status 1 after a clear message when it cannot.
	 * @param args Spring Boot arguments, such as {@code --herald.run.services=false}
	 */
	public static void main(String[] args) {
		try {
			run(args);
		}
		catch (RuntimeException ex) {
			// Spring Boot has reported the failure already.
			System.exit(1);
		}
	}

	/**
	 * Starts the local run and returns once it is up.
	 * @param args Spring Boot arguments
	 * @return the running application; closing it stops everything
	 */
	public static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(LocalStackApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", "localstack"));
		application.addListeners(new LocalRunPreflight());
		return application.run(args);
	}

}
