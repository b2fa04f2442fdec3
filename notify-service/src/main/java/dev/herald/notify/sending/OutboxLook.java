package dev.herald.notify.sending;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ledger.Outbox;

/**
 * The look at the outbox for due emails that no hint brought: digests and held alerts
 * falling due, emails released after a relay failure, those of an instance that died. It
 * hints up to a batch for every sender, the longest due first. While the hints already
 * hold a batch for every sender, what it would find could only queue behind them, so it
 * looks only every {@value #EVERY_WHEN_BUSY}th time, and at every turn again once the
 * hints are short; the outbox's query is spared while a backlog drains (on the
 * MongoDB-protocol server of the tests and the local run, a scan and sort of the whole
 * outbox).
 * <p>
 * One look at a time: it is called from one thread.
 */
final class OutboxLook {

	/** While the hints hold a batch for every sender, one look in this many is made. */
	static final int EVERY_WHEN_BUSY = 10;

	private final Outbox outbox;

	private final DeliveryHints hints;

	private final int batchForEverySender;

	private int skipped;

	OutboxLook(Outbox outbox, DeliveryHints hints, NotifyProperties.Delivery delivery) {
		this.outbox = outbox;
		this.hints = hints;
		this.batchForEverySender = delivery.batchSize() * delivery.concurrency();
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
		List<String> due = new ArrayList<>(this.outbox.findDue(now, this.batchForEverySender));
		// Instances that look at the same time start at different emails.
		Collections.shuffle(due);
		this.hints.offerAll(due);
		return due.size();
	}

}
