package dev.herald.localstack.test;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared containers as {@code @ServiceConnection} beans, for the services that use
 * Kafka or MongoDB. Closing a context does not stop them (see
 * {@link ContainersInfrastructure}).
 */
@Configuration(proxyBeanMethods = false)
class ContainersConnectionConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails")
	static class KafkaConnection {

		@Bean
		@ServiceConnection
		KafkaContainer heraldKafkaContainer() {
			return containers().kafkaContainer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails")
	static class MongoConnection {

		@Bean
		@ServiceConnection
		MongoDBContainer heraldMongoContainer() {
			return containers().mongoContainer();
		}

	}

	private static ContainersInfrastructure containers() {
		return (ContainersInfrastructure) HeraldInfrastructure.get();
	}

}
