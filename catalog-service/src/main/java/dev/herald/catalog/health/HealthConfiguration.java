package dev.herald.catalog.health;

import java.util.List;

import dev.herald.catalog.CatalogProperties;
import dev.herald.platform.health.KafkaHealthIndicator;
import dev.herald.platform.health.MongoHealthIndicator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The readiness checks of the catalog's infrastructure: Kafka's cluster within the
 * configured timeout, and the catalog database.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, CatalogProperties properties) {
		return new KafkaHealthIndicator(admin, "catalog-service-health", properties.healthTimeout(), List.of());
	}

	@Bean
	MongoHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
		return new MongoHealthIndicator(mongo);
	}

}
