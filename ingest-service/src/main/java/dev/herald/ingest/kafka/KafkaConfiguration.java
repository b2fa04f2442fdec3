package dev.herald.ingest.kafka;

import java.time.Duration;
import java.util.List;

import dev.herald.ingest.IngestProperties;
import dev.herald.platform.health.KafkaHealthIndicator;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the records topic (created at startup when missing; the producer owns it) and
 * the readiness check that the broker answers and the topic exists.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	NewTopic recordsTopic(IngestProperties properties) {
		return TopicBuilder.name(properties.topic()).partitions(properties.topicPartitions()).build();
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, IngestProperties properties) {
		return new KafkaHealthIndicator(admin, "ingest-service-health", HEALTH_TIMEOUT, List.of(properties.topic()));
	}

}
