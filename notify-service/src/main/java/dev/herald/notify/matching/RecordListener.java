package dev.herald.notify.matching;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.herald.contracts.CloudEvents;
import dev.herald.contracts.ContractViolation;
import dev.herald.contracts.RecordContract;
import dev.herald.platform.tracing.BatchSpans;
import dev.herald.platform.tracing.RecordSpans;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes published records ({@code herald.records.v1}, group {@code notify-service}) a
 * poll at a time: checks each against the contract, then matches the poll. Offsets are
 * committed once the poll's matches are in the ledger and the outbox; sending happens
 * elsewhere, so a large fan-out never holds this listener for long.
 * <p>
 * The records before the first one that breaks the contract are matched; then the
 * listener reports that one by index, so that the error handler commits what came before,
 * dead-letters it and goes on with the rest. Any other failure (MongoDB down) fails the
 * poll at its start: nothing is committed and the poll comes back after a back-off, as
 * often as it takes.
 */
@Component
class RecordListener {

	private static final Logger logger = LoggerFactory.getLogger(RecordListener.class);

	/** The span of each record's match, a child of the span that published it. */
	static final String MATCH_SPAN = "herald.notify.match";

	private final RecordMatcher matcher;

	private final RecordContract contract = new RecordContract();

	private final JsonMapper json;

	private final RecordSpans spans;

	RecordListener(RecordMatcher matcher, JsonMapper json, RecordSpans spans) {
		this.matcher = matcher;
		this.json = json;
		this.spans = spans;
	}

	@KafkaListener(id = "records", topics = "${herald.notify.kafka.records-topic:herald.records.v1}", idIsGroup = false,
			containerFactory = RecordKafkaConfiguration.CONTAINER_FACTORY, batch = "true")
	void onRecords(List<ConsumerRecord<String, byte[]>> messages) {
		List<PublishedRecord> readable = new ArrayList<>(messages.size());
		ContractViolation problem = null;
		for (ConsumerRecord<String, byte[]> message : messages) {
			try {
				readable.add(read(message));
			}
			catch (ContractViolation ex) {
				problem = ex;
				break;
			}
		}
		try (BatchSpans matches = this.spans.batch(MATCH_SPAN, messages.subList(0, readable.size()))) {
			Map<String, String> traceParents = new HashMap<>();
			for (int i = 0; i < readable.size(); i++) {
				traceParents.put(readable.get(i).id(), this.spans.traceParent(matches.records().get(i)));
			}
			try {
				this.matcher.match(readable, traceParents);
			}
			catch (RuntimeException ex) {
				matches.failed(ex);
				logger.warn("Matching a poll of {} records failed; it comes back after a back-off: {}", readable.size(),
						ex.toString());
				throw new BatchListenerFailedException("Matching a poll of records failed: " + ex.getMessage(), ex, 0);
			}
		}
		if (problem != null) {
			int index = readable.size();
			ConsumerRecord<String, byte[]> refused = messages.get(index);
			throw new BatchListenerFailedException("Message " + refused.topic() + "-" + refused.partition() + "@"
					+ refused.offset() + " refused: " + problem.getMessage(), problem, index);
		}
	}

	/**
	 * Reads one message: its type header, its value against the contract, its key against
	 * the record id.
	 * @param message the message
	 * @return the record
	 * @throws ContractViolation when the message breaks the contract
	 */
	PublishedRecord read(ConsumerRecord<String, byte[]> message) {
		Header type = message.headers().lastHeader(CloudEvents.TYPE);
		if (type != null && type.value() != null) {
			String name = new String(type.value(), StandardCharsets.UTF_8);
			if (!RecordContract.EVENT_TYPE.equals(name)) {
				throw ContractViolation.wrongType(name);
			}
		}
		PublishedRecord record;
		try {
			record = this.json.treeToValue(this.contract.read(message.value()), PublishedRecord.class);
		}
		catch (ContractViolation ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw ContractViolation.unreadable(ex);
		}
		if (!record.id().equals(message.key())) {
			throw ContractViolation.keyMismatch(message.key(), record.id());
		}
		return record;
	}

}
