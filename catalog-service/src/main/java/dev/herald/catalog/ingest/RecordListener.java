package dev.herald.catalog.ingest;

import java.util.ArrayList;
import java.util.List;

import dev.herald.contracts.ContractViolation;
import dev.herald.platform.tracing.BatchSpans;
import dev.herald.platform.tracing.RecordSpans;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code herald.records.v1} a poll at a time and stores each poll as one bulk
 * upsert.
 * <p>
 * The records before the first unreadable one are stored; then the listener reports that
 * one by index ({@link BatchListenerFailedException}), so the error handler commits the
 * offsets of the stored records, dead-letters the bad one and redelivers the rest. A
 * failed write is reported at index 0: nothing is committed and the whole poll comes back
 * after the back-off. Offsets are only committed after this method returns, that is after
 * the write succeeded.
 */
@Component
class RecordListener {

	private static final LogAccessor logger = new LogAccessor(RecordListener.class);

	/** The span of each record's store, a child of the span that published it. */
	static final String STORE_SPAN = "herald.catalog.store";

	private final RecordWriter writer;

	private final RecordSpans spans;

	RecordListener(RecordWriter writer, RecordSpans spans) {
		this.writer = writer;
		this.spans = spans;
	}

	@KafkaListener(id = "catalog-records", idIsGroup = false, topics = "${herald.catalog.records-topic}",
			batch = "true")
	void onRecords(List<ConsumerRecord<String, RecordPublished>> messages) {
		List<RecordPublished> readable = new ArrayList<>(messages.size());
		RuntimeException problem = null;
		for (ConsumerRecord<String, RecordPublished> message : messages) {
			problem = problem(message);
			if (problem != null) {
				break;
			}
			readable.add(message.value());
		}
		if (!readable.isEmpty()) {
			store(messages, readable);
		}
		if (problem != null) {
			int index = readable.size();
			ConsumerRecord<String, RecordPublished> refused = messages.get(index);
			throw new BatchListenerFailedException("Message " + refused.topic() + "-" + refused.partition() + "@"
					+ refused.offset() + " refused: " + problem.getMessage(), problem, index);
		}
	}

	private void store(List<ConsumerRecord<String, RecordPublished>> messages, List<RecordPublished> readable) {
		try (BatchSpans stores = this.spans.batch(STORE_SPAN, messages.subList(0, readable.size()))) {
			try {
				StoreResult result = this.writer.store(readable);
				logger.debug(() -> "Stored " + result.stored() + " of " + readable.size() + " records, skipped "
						+ result.skipped());
			}
			catch (RecordStoreException ex) {
				stores.failed(ex);
				logger.warn(() -> "Storing record " + ex.recordId() + " failed; it comes back after a back-off: "
						+ ex.getMessage());
				throw new BatchListenerFailedException(ex.getMessage(), ex, indexOf(messages, ex.recordId()));
			}
			catch (RuntimeException ex) {
				stores.failed(ex);
				logger.warn(() -> "Storing a poll of " + readable.size()
						+ " records failed; it comes back after a back-off: " + ex);
				throw new BatchListenerFailedException("Bulk write failed: " + ex.getMessage(), ex, 0);
			}
		}
	}

	private static RuntimeException problem(ConsumerRecord<String, RecordPublished> message) {
		DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(message,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logger);
		if (unreadable != null) {
			// The contract violation says what is wrong; the dead letter carries it.
			return (unreadable.getCause() instanceof ContractViolation violation) ? violation : unreadable;
		}
		if (message.value() == null) {
			return ContractViolation.noValue();
		}
		if (!message.value().id().equals(message.key())) {
			return ContractViolation.keyMismatch(message.key(), message.value().id());
		}
		return null;
	}

	private static int indexOf(List<ConsumerRecord<String, RecordPublished>> messages, String recordId) {
		for (int i = 0; i < messages.size(); i++) {
			RecordPublished value = messages.get(i).value();
			if (value != null && value.id().equals(recordId)) {
				return i;
			}
		}
		return 0;
	}

}
