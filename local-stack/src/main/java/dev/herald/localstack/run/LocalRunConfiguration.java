package dev.herald.localstack.run;

import java.util.Optional;

import dev.herald.localstack.kafka.KafkaBroker;
import dev.herald.localstack.mail.Inbox;
import dev.herald.localstack.mail.SmtpServer;
import dev.herald.localstack.mongo.MongoServerRunner;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The local run: the infrastructure servers chosen by {@code herald.run.components}, with
 * their data under {@code herald.run.data-directory}, then the services as child
 * processes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalRunProperties.class)
public class LocalRunConfiguration {

	/**
	 * Printed on standard output once everything runs; a process that supervises the
	 * local run can wait for it ({@link ServiceProcess.Builder#readyWhenLogContains}).
	 */
	public static final String READY_LINE = "Herald local stack is ready.";

	@Bean(destroyMethod = "stop")
	@ConditionalOnComponent(Component.KAFKA)
	KafkaBroker kafkaBroker(LocalRunProperties properties) {
		KafkaBroker broker = KafkaBroker.persistent(properties.dataPath().resolve("kafka"), properties.kafkaPort())
			.start();
		broker.createTopics(properties.topics());
		return broker;
	}

	@Bean(destroyMethod = "stop")
	@ConditionalOnComponent(Component.MONGO)
	MongoServerRunner mongoServer(LocalRunProperties properties) {
		MongoServerRunner server = properties.mongoInMemory() ? MongoServerRunner.inMemory(properties.mongoPort())
				: MongoServerRunner.persistent(properties.dataPath().resolve("mongo"), properties.mongoPort());
		return server.start();
	}

	@Bean
	Inbox inbox(LocalRunProperties properties) {
		return new Inbox(properties.inboxCapacity());
	}

	@Bean(destroyMethod = "stop")
	@ConditionalOnComponent(Component.SMTP)
	SmtpServer smtpServer(LocalRunProperties properties, Inbox inbox) {
		return new SmtpServer(properties.smtpPort(), inbox).start();
	}

	@Bean
	ServiceSupervisor serviceSupervisor(LocalRunProperties properties, Optional<KafkaBroker> kafka,
			Optional<MongoServerRunner> mongo, Optional<SmtpServer> smtp, Environment environment) {
		return new ServiceSupervisor(properties, kafka, mongo, smtp, environment);
	}

	@Bean
	@ConditionalOnBooleanProperty("herald.run.demo")
	DemoData demoData(LocalRunProperties properties, Inbox inbox) {
		return new DemoData(properties, inbox);
	}

}
