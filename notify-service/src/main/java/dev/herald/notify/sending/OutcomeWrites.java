package dev.herald.notify.sending;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import dev.herald.notify.sending.OutcomeRecorder.Tried;

/**
 * The outcomes of one batch on their way to the ledger. Every {@code every} emails tried,
 * their outcomes are written in the background while the sender goes on; a write starts
 * only once the one before has ended, so at most {@code 2 × every} emails tried are
 * unrecorded at any moment: those of the write under way and those tried since. A failed
 * write is thrown to the sender at the next start, and its outcomes are written again
 * with the next.
 */
final class OutcomeWrites {

	private final OutcomeRecorder recorder;

	private final Executor executor;

	private final Clock clock;

	private final int every;

	private final List<Tried> unrecorded = new ArrayList<>();

	private List<Tried> writing = List.of();

	private CompletableFuture<Void> written = CompletableFuture.completedFuture(null);

	OutcomeWrites(OutcomeRecorder recorder, Executor executor, Clock clock, int every) {
		this.recorder = recorder;
		this.executor = executor;
		this.clock = clock;
		this.every = every;
	}

	/**
	 * Adds the outcome of an email, and starts writing when {@code every} are waiting.
	 * @param tried the email and its outcome
	 */
	void add(Tried tried) {
		this.unrecorded.add(tried);
		if (this.unrecorded.size() >= this.every) {
			start();
		}
	}

	/**
	 * Starts writing the outcomes waiting, once the write under way has ended.
	 */
	void start() {
		awaitWritten();
		if (!this.unrecorded.isEmpty()) {
			List<Tried> tried = List.copyOf(this.unrecorded);
			this.unrecorded.clear();
			this.writing = tried;
			this.written = CompletableFuture.runAsync(() -> this.recorder.record(tried, this.clock.instant()),
					this.executor);
		}
	}

	/**
	 * Writes every outcome added and waits until they are written.
	 */
	void finish() {
		start();
		awaitWritten();
	}

	private void awaitWritten() {
		try {
			this.written.join();
		}
		catch (CompletionException ex) {
			this.unrecorded.addAll(0, this.writing);
			this.written = CompletableFuture.completedFuture(null);
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
