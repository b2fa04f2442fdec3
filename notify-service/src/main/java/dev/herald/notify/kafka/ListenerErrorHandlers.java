package dev.herald.notify.kafka;

import java.util.function.BiConsumer;

import dev.herald.notify.NotifyProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Builds each listener's error handler: bounded exponential back-off, then the record
 * goes to {@code <topic>.<group>.dlt}. Malformed events skip the retries.
 */
@Component
public class ListenerErrorHandlers {

	private final KafkaOperations<?, ?> template;

	private final NotifyProperties.Retry retry;

	ListenerErrorHandlers(KafkaOperations<?, ?> template, NotifyProperties properties) {
		this.template = template;
		this.retry = properties.retry();
	}

	/**
	 * The dead-letter topic of a topic for a consumer group.
	 * @param topic the consumed topic
	 * @param group the consumer group
	 * @return {@code <topic>.<group>.dlt}
	 */
	public static String deadLetterTopic(String topic, String group) {
		return topic + "." + group + ".dlt";
	}

	/**
	 * An error handler for one consumer group.
	 * @param group the consumer group
	 * @param beforeDeadLetter called with each record (and the last failure) before it is
	 * dead-lettered
	 * @return the handler
	 */
	public DefaultErrorHandler create(String group, BiConsumer<ConsumerRecord<?, ?>, Exception> beforeDeadLetter) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(this.template,
				(record, ex) -> new TopicPartition(deadLetterTopic(record.topic(), group), -1));
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			beforeDeadLetter.accept(record, ex);
			deadLetters.accept(record, ex);
		}, backOff());
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

	private ExponentialBackOff backOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.retry.initialInterval().toMillis(),
				this.retry.multiplier());
		backOff.setMaxInterval(this.retry.maxInterval().toMillis());
		backOff.setMaxAttempts(this.retry.maxAttempts());
		return backOff;
	}

}
