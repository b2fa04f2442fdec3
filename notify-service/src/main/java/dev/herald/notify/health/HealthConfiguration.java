package dev.herald.notify.health;

import java.time.Duration;
import java.util.List;

import dev.herald.platform.health.KafkaHealthIndicator;
import dev.herald.platform.health.MongoHealthIndicator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The readiness checks of notify's infrastructure: Kafka's cluster within three seconds,
 * and the notify database (mail relays have their own indicator).
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
		return new KafkaHealthIndicator(admin, "notify-service-health", Duration.ofSeconds(3), List.of());
	}

	@Bean
	MongoHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
		return new MongoHealthIndicator(mongo);
	}

}
