package dev.herald.notify.mail;

import java.time.Duration;

/**
 * The outcome of sending one message of a batch.
 *
 * @param index position of the message in the batch
 * @param outcome what happened
 * @param reply the server's reply, or the error, for a failure
 * @param took time spent sending it
 */
public record SendResult(int index, Outcome outcome, String reply, Duration took) {

	/**
	 * What happened to a message.
	 */
	public enum Outcome {

		/** The server accepted it. */
		SENT,

		/** The server refused it for good (5xx). */
		PERMANENT,

		/** It may go through later (4xx, connection error). */
		TRANSIENT

	}

}
