package dev.herald.notify.matching;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.herald.contracts.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * One dead letter.
 *
 * @param partition its partition
 * @param offset its offset
 * @param key its key (the record id, when the producer set one)
 * @param timestamp when it was dead-lettered
 * @param reason the rule it broke, as the recoverer wrote it
 * @param exception the class of the failure
 * @param origin where it came from: topic, partition and offset
 * @param value the start of its value, as text
 * @param redriven whether a re-drive has read it
 */
public record DeadLetter(int partition, long offset, String key, Instant timestamp, String reason, String exception,
		String origin, String value, boolean redriven) {

	/** The most of a message's value shown. */
	private static final int PREVIEW = 2_000;

	static DeadLetter of(ConsumerRecord<String, byte[]> message, boolean redriven) {
		String origin = header(message, KafkaHeaders.DLT_ORIGINAL_TOPIC) + "/"
				+ intHeader(message, KafkaHeaders.DLT_ORIGINAL_PARTITION) + "@"
				+ longHeader(message, KafkaHeaders.DLT_ORIGINAL_OFFSET);
		byte[] value = (message.value() != null) ? message.value() : new byte[0];
		String text = new String(value, 0, Math.min(value.length, PREVIEW), StandardCharsets.UTF_8);
		return new DeadLetter(message.partition(), message.offset(), message.key(),
				Instant.ofEpochMilli(message.timestamp()), reason(message),
				header(message, KafkaHeaders.DLT_EXCEPTION_FQCN), origin, (value.length > PREVIEW) ? text + "…" : text,
				redriven);
	}

	/**
	 * The broken rule as the consumer wrote it, else Spring Kafka's exception message.
	 */
	private static String reason(ConsumerRecord<?, ?> message) {
		String reason = header(message, DeadLetterHeaders.REASON);
		return (reason != null) ? reason : header(message, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
	}

	private static String header(ConsumerRecord<?, ?> message, String name) {
		Header header = message.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static String intHeader(ConsumerRecord<?, ?> message, String name) {
		Header header = message.headers().lastHeader(name);
		return (header != null && header.value().length == 4)
				? Integer.toString(ByteBuffer.wrap(header.value()).getInt()) : "?";
	}

	private static String longHeader(ConsumerRecord<?, ?> message, String name) {
		Header header = message.headers().lastHeader(name);
		return (header != null && header.value().length == 8) ? Long.toString(ByteBuffer.wrap(header.value()).getLong())
				: "?";
	}

}
