package dev.herald.notify.subscription;

import java.util.List;
import java.util.Map;

/**
 * A subscribe or change request with invalid fields; answered with 400 and the offending
 * fields. Nothing is stored and no email is sent.
 */
public class InvalidSubscriptionException extends RuntimeException {

	private final Map<String, String> errors;

	private final List<String> unknownTopics;

	InvalidSubscriptionException(Map<String, String> errors, List<String> unknownTopics) {
		super("Invalid subscription: " + errors);
		this.errors = Map.copyOf(errors);
		this.unknownTopics = List.copyOf(unknownTopics);
	}

	/**
	 * Message per offending field.
	 * @return the errors, by field name
	 */
	public Map<String, String> errors() {
		return this.errors;
	}

	/**
	 * The topic slugs that name no topic.
	 * @return unknown slugs, empty when all are known
	 */
	public List<String> unknownTopics() {
		return this.unknownTopics;
	}

}
