package dev.herald.catalog.ingest;

import java.nio.charset.StandardCharsets;

import dev.herald.contracts.CloudEvents;
import dev.herald.contracts.ContractViolation;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer of the record event. Meant to be wrapped in Spring Kafka's
 * {@code ErrorHandlingDeserializer}, so that a value it rejects reaches the error handler
 * (and the dead-letter topic) with its original bytes instead of stalling the partition.
 * A message whose CloudEvents type header names another event is rejected too; a message
 * without that header is read by its value alone.
 */
public class RecordPublishedDeserializer implements Deserializer<RecordPublished> {

	private final RecordPublishedReader reader;

	public RecordPublishedDeserializer() {
		this(new RecordPublishedReader());
	}

	RecordPublishedDeserializer(RecordPublishedReader reader) {
		this.reader = reader;
	}

	@Override
	public RecordPublished deserialize(String topic, byte[] data) {
		return this.reader.read(data);
	}

	@Override
	public RecordPublished deserialize(String topic, Headers headers, byte[] data) {
		Header type = (headers != null) ? headers.lastHeader(CloudEvents.TYPE) : null;
		if (type != null && type.value() != null) {
			String name = new String(type.value(), StandardCharsets.UTF_8);
			if (!RecordPublished.TYPE.equals(name)) {
				throw ContractViolation.wrongType(name);
			}
		}
		return deserialize(topic, data);
	}

}
