package dev.herald.localstack.test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Registers the connection properties of the running infrastructure.
 */
@Configuration(proxyBeanMethods = false)
class HeraldInfrastructureConfiguration {

	@Bean
	static DynamicPropertyRegistrar heraldInfrastructureProperties() {
		return (registry) -> {
			HeraldInfrastructure infrastructure = HeraldInfrastructure.get();
			registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
			registry.add("spring.mongodb.uri", infrastructure::mongoUri);
			registry.add("spring.mail.host", infrastructure::smtpHost);
			registry.add("spring.mail.port", infrastructure::smtpPort);
		};
	}

}
