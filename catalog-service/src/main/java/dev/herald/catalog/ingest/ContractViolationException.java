package dev.herald.catalog.ingest;

import java.util.List;

/**
 * A message that does not honour the record contract. Retrying cannot help, so it is
 * dead-lettered at once.
 * <p>
 * It keeps the text of the parser's complaint but not the parser's exception itself: it
 * travels Java-serialized in a Kafka header to the listener and the dead-letter topic,
 * and parser exceptions are not serializable.
 */
class ContractViolationException extends RuntimeException {

	private ContractViolationException(String message) {
		super(message);
	}

	static ContractViolationException notJson(Throwable cause) {
		return new ContractViolationException("Value is not a JSON document: " + cause.getMessage());
	}

	static ContractViolationException noValue() {
		return new ContractViolationException("Message has no value");
	}

	static ContractViolationException schema(List<String> errors) {
		return new ContractViolationException(
				"Value breaks record-published.v1.schema.json: " + String.join("; ", errors));
	}

	static ContractViolationException unreadable(Throwable cause) {
		return new ContractViolationException("Value cannot be mapped to a record: " + cause.getMessage());
	}

	static ContractViolationException wrongType(String type) {
		return new ContractViolationException("CloudEvents type is '" + type + "', expected " + RecordPublished.TYPE);
	}

	static ContractViolationException keyMismatch(String key, String id) {
		return new ContractViolationException("Message key '" + key + "' is not the record id '" + id + "'");
	}

}
