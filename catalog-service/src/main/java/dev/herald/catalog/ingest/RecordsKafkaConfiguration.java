package dev.herald.catalog.ingest;

import java.util.Map;

import dev.herald.catalog.CatalogProperties;
import dev.herald.contracts.ContractViolation;
import dev.herald.platform.tracing.RecordSpans;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka wiring of the records listener: its error handler and the dead-letter topic.
 * <p>
 * A message that breaks the contract is dead-lettered at once (retrying cannot mend it);
 * another failure of one message is retried with a bounded back-off, then dead-lettered.
 * While MongoDB is unreachable the poll is retried with an unbounded back-off, so an
 * outage pauses consumption and nothing is dead-lettered or lost. Dead letters carry the
 * original value (or, for a message that was read, its JSON) and Spring Kafka's
 * {@code kafka_dlt-*} headers (original topic, partition, offset and the exception) plus
 * {@value DeadLetterReason#HEADER}, which says in one line what is wrong with the
 * message.
 */
@Configuration(proxyBeanMethods = false)
class RecordsKafkaConfiguration {

	private static final LogAccessor logger = new LogAccessor(RecordsKafkaConfiguration.class);

	/** The span of a record's way to the dead-letter topic. */
	static final String DEAD_LETTER_SPAN = "herald.catalog.dead-letter";

	@Bean
	NewTopic recordsDeadLetterTopic(CatalogProperties properties) {
		CatalogProperties.DeadLetter deadLetter = properties.deadLetter();
		return TopicBuilder.name(deadLetter.topic())
			.partitions(deadLetter.partitions())
			.replicas(deadLetter.replicas())
			.build();
	}

	@Bean
	ProducerFactory<String, Object> deadLetterProducerFactory(KafkaProperties kafka, JsonMapper jsonMapper) {
		Serializer<RecordPublished> json = (topic, record) -> jsonMapper.writeValueAsBytes(record);
		Map<Class<?>, Serializer<?>> byType = Map.of(byte[].class, new ByteArraySerializer(), RecordPublished.class,
				json);
		return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(),
				new DelegatingByTypeSerializer(byType));
	}

	@Bean
	KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<String, Object> deadLetterProducerFactory) {
		return new KafkaTemplate<>(deadLetterProducerFactory);
	}

	@Bean
	DefaultErrorHandler recordsErrorHandler(KafkaTemplate<String, Object> deadLetterTemplate,
			CatalogProperties properties, CatalogMetrics metrics, RecordSpans spans) {
		String topic = properties.deadLetter().topic();
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, ex) -> new TopicPartition(topic, -1));
		deadLetters.setHeadersFunction(DeadLetterReason::headers);
		// In the record's trace: the log line and the dead letter carry its ids.
		ConsumerRecordRecoverer recoverer = (record, ex) -> spans.forRecord(DEAD_LETTER_SPAN, record, () -> {
			deadLetters.accept(record, ex);
			metrics.deadLettered();
			logger.warn(() -> "Record event " + record.topic() + "-" + record.partition() + "@" + record.offset()
					+ " (key " + record.key() + ") went to " + topic + ": " + DeadLetterReason.reason(record, ex));
		});
		// Only a message that breaks the contract is dead-lettered. Any other failure
		// (MongoDB
		// unreachable, or refusing every write: a full disk, a rule) is no fault of the
		// record: consumption pauses and resumes, however long it lasts.
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, unbounded(properties.outageRetry()));
		handler.addNotRetryableExceptions(ContractViolation.class);
		// A refused message is reported by its dead letter, counter and log line, a
		// failed
		// store by the listener's line: both in the record's trace, which the container's
		// own line about the error handler would not be.
		handler.setLogLevel(KafkaException.Level.DEBUG);
		return handler;
	}

	private static BackOff unbounded(CatalogProperties.OutageRetry retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		return backOff;
	}

}
