package dev.herald.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.herald.ingest.IngestProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the records topic (created at startup when missing; the producer owns it) and
 * the admin client the health indicator asks the broker with.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	NewTopic recordsTopic(IngestProperties properties) {
		return TopicBuilder.name(properties.topic()).partitions(properties.topicPartitions()).build();
	}

	@Bean(destroyMethod = "close")
	Admin healthAdmin(KafkaAdmin kafkaAdmin) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-service-health");
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) HEALTH_TIMEOUT.toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) HEALTH_TIMEOUT.toMillis());
		return Admin.create(config);
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(Admin healthAdmin, IngestProperties properties) {
		return new KafkaHealthIndicator(healthAdmin, properties.topic(), HEALTH_TIMEOUT);
	}

}
