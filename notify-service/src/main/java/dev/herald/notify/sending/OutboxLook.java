package dev.herald.notify.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ledger.Outbox.DueEmail;

/**
 * The look at the outbox for due emails that no hint brought: digests and held alerts
 * falling due, emails released after a relay failure, those of an instance that died, a
 * backlog left by a restart. It hints up to a batch for every sender, the longest due
 * first.
 * <p>
 * When a look finds a full page, the outbox holds more: the next look goes on after the
 * last email of that page rather than reading it again while its emails are still being
 * claimed, and {@link #more()} tells the caller to look again as soon as fewer than a
 * page of hints are left. A page found short ends the pass, and so does a pass as old as
 * a {@code scan-interval}: the next look starts again from the longest due, where emails
 * released meanwhile are (untried emails of a failed batch, those of an instance that
 * died), so that they wait at most about a {@code scan-interval} however long the
 * backlog.
 * <p>
 * While the hints already hold a batch for every sender, what it would find could only
 * queue behind them, so it looks only every {@value #EVERY_WHEN_BUSY}th time, and at
 * every turn again once the hints are short; the outbox's query is spared while a hinted
 * backlog drains (on the MongoDB-protocol server of the tests and the local run, a scan
 * and sort of the whole outbox).
 * <p>
 * One look at a time: it is called from one thread.
 */
final class OutboxLook {

	/** While the hints hold a batch for every sender, one look in this many is made. */
	static final int EVERY_WHEN_BUSY = 10;

	private final Outbox outbox;

	private final DeliveryHints hints;

	private final int batchForEverySender;

	private final Duration longestPass;

	private int skipped;

	/** The last email of the last page when it was full; {@code null} between passes. */
	private DueEmail pageEnd;

	private Instant passStarted;

	OutboxLook(Outbox outbox, DeliveryHints hints, NotifyProperties.Delivery delivery) {
		this.outbox = outbox;
		this.hints = hints;
		this.batchForEverySender = delivery.batchSize() * delivery.concurrency();
		this.longestPass = delivery.scanInterval();
	}

	/**
	 * Looks at the outbox, unless the hints hold enough already.
	 * @param now the current time
	 * @return how many due emails it found, or {@code -1} when it did not look
	 */
	int look(Instant now) {
		if (this.hints.size() >= this.batchForEverySender && ++this.skipped < EVERY_WHEN_BUSY) {
			return -1;
		}
		this.skipped = 0;
		if (this.pageEnd == null || !now.isBefore(this.passStarted.plus(this.longestPass))) {
			this.pageEnd = null;
			this.passStarted = now;
		}
		List<DueEmail> page = this.outbox.findDue(now, this.batchForEverySender, this.pageEnd);
		this.pageEnd = (page.size() == this.batchForEverySender) ? page.get(page.size() - 1) : null;
		List<String> due = new ArrayList<>(page.size());
		page.forEach((email) -> due.add(email.id()));
		// Instances that look at the same time start at different emails.
		Collections.shuffle(due);
		this.hints.offerAll(due);
		return due.size();
	}

	/**
	 * Whether the last look found a full page, so that more are due after it.
	 * @return {@code true} while a pass over a backlog goes on
	 */
	boolean more() {
		return this.pageEnd != null;
	}

	/**
	 * Fewer hints than this, and a look would not be skipped.
	 * @return a batch for every sender
	 */
	int batchForEverySender() {
		return this.batchForEverySender;
	}

}
