package dev.herald.catalog.ingest;

import java.util.List;

/**
 * A message that does not honour the record contract. Retrying cannot help, so it is
 * dead-lettered at once.
 */
class ContractViolationException extends RuntimeException {

	private ContractViolationException(String message, Throwable cause) {
		super(message, cause);
	}

	static ContractViolationException notJson(Throwable cause) {
		return new ContractViolationException("Value is not a JSON document: " + cause.getMessage(), cause);
	}

	static ContractViolationException noValue() {
		return new ContractViolationException("Message has no value", null);
	}

	static ContractViolationException schema(List<String> errors) {
		return new ContractViolationException(
				"Value breaks record-published.v1.schema.json: " + String.join("; ", errors), null);
	}

	static ContractViolationException unreadable(Throwable cause) {
		return new ContractViolationException("Value cannot be mapped to a record: " + cause.getMessage(), cause);
	}

	static ContractViolationException wrongType(String type) {
		return new ContractViolationException("CloudEvents type is '" + type + "', expected " + RecordPublished.TYPE,
				null);
	}

	static ContractViolationException keyMismatch(String key, String id) {
		return new ContractViolationException("Message key '" + key + "' is not the record id '" + id + "'", null);
	}

}
