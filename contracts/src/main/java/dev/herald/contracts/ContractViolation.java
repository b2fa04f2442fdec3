package dev.herald.contracts;

import java.util.List;

/**
 * A message that does not honour the record contract: retrying cannot help, so a consumer
 * sends it to its dead-letter topic at once.
 * <p>
 * It keeps the text of the parser's complaint but not the parser's exception itself: it
 * may travel Java-serialized in a Kafka header, and parser exceptions are not
 * serializable.
 */
public class ContractViolation extends RuntimeException {

	/**
	 * A violation described by its message.
	 * @param message what breaks the contract
	 */
	public ContractViolation(String message) {
		super(message);
	}

	static ContractViolation notJson(Throwable cause) {
		return new ContractViolation("Value is not a JSON document: " + cause.getMessage());
	}

	static ContractViolation schema(List<String> errors) {
		return new ContractViolation("Value breaks record-published.v1.schema.json: " + String.join("; ", errors));
	}

	/**
	 * A message without a value.
	 * @return the violation
	 */
	public static ContractViolation noValue() {
		return new ContractViolation("Message has no value");
	}

	/**
	 * A value the schema accepts but the consumer cannot map.
	 * @param cause why
	 * @return the violation
	 */
	public static ContractViolation unreadable(Throwable cause) {
		return new ContractViolation("Value cannot be mapped to a record: " + cause.getMessage());
	}

	/**
	 * A message whose CloudEvents type names another event.
	 * @param type the type found
	 * @return the violation
	 */
	public static ContractViolation wrongType(String type) {
		return new ContractViolation("CloudEvents type is '" + type + "', expected " + RecordContract.EVENT_TYPE);
	}

	/**
	 * A message whose key is not its record's id.
	 * @param key the key
	 * @param id the record id
	 * @return the violation
	 */
	public static ContractViolation keyMismatch(String key, String id) {
		return new ContractViolation("Message key '" + key + "' is not the record id '" + id + "'");
	}

}
