package dev.herald.notify.sending;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The message of an email, written while the emails before it in the batch are sent: on
 * two cores, rendering and building a message take the CPU the sender leaves idle while
 * it waits for the relay's replies, instead of delaying the first send of the batch.
 */
final class Draft {

	private final Writing writing;

	private final CompletableFuture<MimeMessage> written = new CompletableFuture<>();

	private Draft(Writing writing) {
		this.writing = writing;
	}

	/**
	 * A message still to write.
	 * @param writing how it is written
	 * @return the draft
	 */
	static Draft of(Writing writing) {
		return new Draft(writing);
	}

	/**
	 * A message written already.
	 * @param message the message
	 * @return the draft
	 */
	static Draft written(MimeMessage message) {
		Draft draft = new Draft(() -> message);
		draft.write();
		return draft;
	}

	/**
	 * Writes drafts one after another, in their order, in the background; a draft
	 * discarded meanwhile is left unwritten.
	 * @param drafts the drafts
	 * @param executor where they are written
	 */
	static void writeInOrder(List<Draft> drafts, Executor executor) {
		if (!drafts.isEmpty()) {
			executor.execute(() -> drafts.forEach(Draft::write));
		}
	}

	/**
	 * The message, once written.
	 * @return the message
	 * @throws MessagingException when it cannot be written (an address the mail library
	 * refuses)
	 * @throws InterruptedException when the waiting sender is interrupted
	 */
	MimeMessage await() throws MessagingException, InterruptedException {
		try {
			return this.written.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof MessagingException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error cause) {
				throw cause;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (CancellationException ex) {
			throw new IllegalStateException("The draft was discarded", ex);
		}
	}

	/**
	 * Gives the draft up: the email will not be sent in this batch.
	 */
	void discard() {
		this.written.cancel(false);
	}

	private void write() {
		if (this.written.isDone()) {
			return;
		}
		try {
			this.written.complete(this.writing.write());
		}
		catch (MessagingException | RuntimeException ex) {
			this.written.completeExceptionally(ex);
		}
		catch (Error ex) {
			// The sender waiting for it fails too, rather than wait for ever.
			this.written.completeExceptionally(ex);
			throw ex;
		}
	}

	/**
	 * How a message is written.
	 */
	@FunctionalInterface
	interface Writing {

		/**
		 * Writes the message.
		 * @return the message
		 * @throws MessagingException when it cannot be written
		 */
		MimeMessage write() throws MessagingException;

	}

}
