package dev.herald.catalog.ingest;

import java.nio.charset.StandardCharsets;

import dev.herald.contracts.ContractViolation;
import dev.herald.contracts.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The one-line reason a message was dead-lettered, as header {@value #HEADER}. For a
 * message the contract refused, Spring Kafka's own headers name only the generic
 * deserialization failure; this header names the broken rule.
 */
final class DeadLetterReason {

	static final String HEADER = DeadLetterHeaders.REASON;

	private static final LogAccessor logger = new LogAccessor(DeadLetterReason.class);

	private DeadLetterReason() {
	}

	static Headers headers(ConsumerRecord<?, ?> record, Exception failure) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(HEADER, reason(record, failure).getBytes(StandardCharsets.UTF_8));
		return headers;
	}

	static String reason(ConsumerRecord<?, ?> record, Throwable failure) {
		ContractViolation violation = violation(failure);
		if (violation == null) {
			DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
					SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logger);
			violation = violation(unreadable);
		}
		if (violation != null) {
			return violation.getMessage();
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static ContractViolation violation(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ContractViolation violation) {
				return violation;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
