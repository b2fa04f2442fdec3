package dev.herald.ingest.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.herald.ingest.IngestProperties;
import dev.herald.platform.health.KafkaHealthIndicator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.util.Assert;

/**
 * Declares the records topic (created at startup when missing; the producer owns it), the
 * template that sends to it, and the readiness check that the broker answers and the
 * topic exists.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	NewTopic recordsTopic(IngestProperties properties) {
		return TopicBuilder.name(properties.topic()).partitions(properties.topicPartitions()).build();
	}

	/**
	 * The records template, on a producer that acknowledges only durably. Its sends are
	 * neither observed nor timed one by one: the publisher draws one span for all the
	 * records of a request and times the request's publication (a span and a timer per
	 * record took about half of batch ingest's throughput).
	 * @param producerFactory the producer factory of {@code spring.kafka.producer}
	 * @param properties the service's properties
	 * @return the template
	 */
	@Bean
	KafkaTemplate<String, byte[]> kafkaTemplate(ProducerFactory<String, byte[]> producerFactory,
			IngestProperties properties) {
		checkProducer(producerFactory.getConfigurationProperties(), properties.publishing().timeout());
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(producerFactory);
		template.setObservationEnabled(false);
		template.setMicrometerEnabled(false);
		return template;
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, IngestProperties properties) {
		return new KafkaHealthIndicator(admin, "ingest-service-health", HEALTH_TIMEOUT, List.of(properties.topic()));
	}

	/**
	 * Refuses to start with a producer that could acknowledge less than durably, or that
	 * could still write a record after the client was told it was refused.
	 * @param config the producer's configuration
	 * @param timeout how long a request waits for acknowledgements
	 */
	static void checkProducer(Map<String, Object> config, Duration timeout) {
		String acks = String.valueOf(config.getOrDefault(ProducerConfig.ACKS_CONFIG, "all"));
		String idempotence = String.valueOf(config.getOrDefault(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"));
		long deliveryTimeout = Long
			.parseLong(String.valueOf(config.getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000")));
		Assert.state(acks.equals("all") || acks.equals("-1"),
				() -> "The records producer needs acks=all (spring.kafka.producer.acks), not " + acks);
		Assert.state(idempotence.equals("true"), "The records producer needs enable.idempotence=true");
		Assert.state(timeout.toMillis() > deliveryTimeout,
				() -> "herald.ingest.publishing.timeout (" + timeout.toMillis() + " ms) must exceed the producer's "
						+ "delivery.timeout.ms (" + deliveryTimeout
						+ " ms), or a refused record could still be written");
	}

}
