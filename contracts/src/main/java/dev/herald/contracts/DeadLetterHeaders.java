package dev.herald.contracts;

/**
 * The header every consumer of the records topic adds to what it dead-letters, besides
 * Spring Kafka's {@code kafka_dlt-*} headers: operators read it, and a re-drive drops it.
 */
public final class DeadLetterHeaders {

	/** The one-line reason a message was refused: the broken rule of the contract. */
	public static final String REASON = "herald_dlt-reason";

	private DeadLetterHeaders() {
	}

}
