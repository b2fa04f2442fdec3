package dev.herald.notify.matching;

import java.nio.charset.StandardCharsets;

import dev.herald.contracts.ContractViolation;
import dev.herald.contracts.DeadLetterHeaders;
import dev.herald.notify.NotifyMetrics;
import dev.herald.notify.NotifyProperties;
import dev.herald.platform.tracing.RecordSpans;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka wiring of the records listener.
 * <p>
 * A message that breaks the contract goes at once to
 * {@code <records topic>.notify-service.dlt}, as it came, with Spring Kafka's
 * {@code kafka_dlt-*} headers naming its origin and the broken rule; retrying cannot mend
 * it. Any other failure (MongoDB or Kafka unreachable) retries the poll with an
 * exponential back-off that has no last attempt: an outage of any length pauses
 * consumption and resumes it, and nothing is dead-lettered or lost.
 */
@Configuration(proxyBeanMethods = false)
class RecordKafkaConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RecordKafkaConfiguration.class);

	static final String CONTAINER_FACTORY = "recordListenerContainerFactory";

	/** The span of a record's way to the dead-letter topic. */
	static final String DEAD_LETTER_SPAN = "herald.notify.dead-letter";

	@Bean
	NewTopic recordsDeadLetterTopic(NotifyProperties properties, KafkaProperties kafka) {
		return TopicBuilder.name(deadLetterTopic(properties, kafka))
			.partitions(1)
			.replicas(properties.kafka().replicas())
			.build();
	}

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> recordListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
			NotifyProperties properties, KafkaProperties kafka, NotifyMetrics metrics, RecordSpans spans) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setBatchListener(true);
		factory.setCommonErrorHandler(errorHandler(properties, kafka, metrics, spans));
		return factory;
	}

	private static DefaultErrorHandler errorHandler(NotifyProperties properties, KafkaProperties kafka,
			NotifyMetrics metrics, RecordSpans spans) {
		// Its own producer: the value goes out as the bytes that came in.
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer()));
		String topic = deadLetterTopic(properties, kafka);
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(topic, -1));
		// The broken rule in one line, for operators: Spring Kafka's own headers name the
		// listener's wrapping exception.
		deadLetters.setHeadersFunction((record, ex) -> new RecordHeaders().add(DeadLetterHeaders.REASON,
				rootMessage(ex).getBytes(StandardCharsets.UTF_8)));
		// In the record's trace: the log line and the dead letter carry its ids.
		DefaultErrorHandler handler = new DefaultErrorHandler(
				(record, ex) -> spans.forRecord(DEAD_LETTER_SPAN, record, () -> {
					deadLetters.accept(record, ex);
					metrics.deadLettered();
					logger.warn("Record event {}-{}@{} (key {}) breaks the contract and went to {}: {}", record.topic(),
							record.partition(), record.offset(), record.key(), topic, rootMessage(ex));
				}), unbounded(properties.retry()));
		handler.addNotRetryableExceptions(ContractViolation.class);
		// A refused message is reported by its dead letter, counter and log line, a
		// failed
		// match by the listener's line: both in the record's trace, which the container's
		// own line about the error handler would not be.
		handler.setLogLevel(KafkaException.Level.DEBUG);
		return handler;
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	private static ExponentialBackOff unbounded(NotifyProperties.Retry retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		return backOff;
	}

	/**
	 * The dead-letter topic of the records this service refuses.
	 * @param properties the service's settings
	 * @param kafka Kafka settings, for the consumer group
	 * @return {@code <records topic>.<group>.dlt}
	 */
	static String deadLetterTopic(NotifyProperties properties, KafkaProperties kafka) {
		return properties.kafka().recordsTopic() + "." + kafka.getConsumer().getGroupId() + ".dlt";
	}

}
