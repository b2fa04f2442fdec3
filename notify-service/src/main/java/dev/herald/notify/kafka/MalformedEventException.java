package dev.herald.notify.kafka;

/**
 * An event that cannot be read; it goes to the dead-letter topic at once, without
 * retries.
 */
public class MalformedEventException extends RuntimeException {

	/**
	 * A malformed event.
	 * @param message what is wrong with it
	 */
	public MalformedEventException(String message) {
		super(message);
	}

	/**
	 * A malformed event.
	 * @param message what is wrong with it
	 * @param cause the parse failure
	 */
	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
