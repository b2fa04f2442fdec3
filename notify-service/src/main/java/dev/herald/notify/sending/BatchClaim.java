package dev.herald.notify.sending;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The claim of one batch, in two steps: its first emails at once, so that the sender can
 * start sending them, and the rest in the background meanwhile, so that the sender's
 * connection waits for the claim of a few emails rather than of the whole batch. Both
 * steps belong to the batch: the sender takes the rest once it has tried the first, and
 * claims no other batch before every outcome of this one is recorded.
 */
final class BatchClaim {

	private CompletableFuture<List<Outgoing>> rest;

	private BatchClaim(CompletableFuture<List<Outgoing>> rest) {
		this.rest = rest;
	}

	/**
	 * Claims the first emails, adds them to the batch, and starts claiming the rest.
	 * @param ids the emails of the batch, in order
	 * @param first how many are claimed at once
	 * @param claim claims emails and prepares those claimed
	 * @param batch the batch the first emails join
	 * @param background where the rest is claimed
	 * @return the claim of the rest
	 */
	static BatchClaim start(List<String> ids, int first, Function<List<String>, List<Outgoing>> claim, HeldBatch batch,
			Executor background) {
		int now = Math.min(first, ids.size());
		batch.add(claim.apply(ids.subList(0, now)));
		return new BatchClaim((now < ids.size())
				? CompletableFuture.supplyAsync(() -> claim.apply(ids.subList(now, ids.size())), background) : null);
	}

	/**
	 * Whether the rest is still to be taken.
	 * @return {@code true} until it is taken
	 */
	boolean hasRest() {
		return this.rest != null;
	}

	/**
	 * Waits for the rest of the batch.
	 * @return the emails claimed and prepared
	 * @throws RuntimeException what failed the claim (a MongoDB outage)
	 */
	List<Outgoing> takeRest() {
		CompletableFuture<List<Outgoing>> claimed = this.rest;
		this.rest = null;
		try {
			return (claimed != null) ? claimed.join() : List.of();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * When the batch ends early: the rest, once its claim has ended, to be released
	 * untried; nothing when the claim failed (what it may have claimed is taken over when
	 * its lease ends).
	 * @return the emails claimed and prepared
	 */
	List<Outgoing> takeRestQuietly() {
		try {
			return takeRest();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

}
