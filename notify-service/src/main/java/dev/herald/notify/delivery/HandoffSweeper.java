package dev.herald.notify.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.herald.notify.NotifyMetrics;
import dev.herald.notify.NotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Periodically hands off again the pending entries that never reached Kafka (the process
 * died between the ledger insert and the acknowledgement) or that stalled after their
 * hand-off, and refreshes the backlog gauge. A duplicate hand-off is harmless: senders
 * claim entries and never send one twice.
 */
@Component
class HandoffSweeper {

	private static final Logger logger = LoggerFactory.getLogger(HandoffSweeper.class);

	private static final int BATCH = 1000;

	private final DeliveryLedger ledger;

	private final DeliveryHandoff handoff;

	private final NotifyMetrics metrics;

	private final Clock clock;

	private final NotifyProperties.Delivery settings;

	HandoffSweeper(DeliveryLedger ledger, DeliveryHandoff handoff, NotifyMetrics metrics, Clock clock,
			NotifyProperties properties) {
		this.ledger = ledger;
		this.handoff = handoff;
		this.metrics = metrics;
		this.clock = clock;
		this.settings = properties.delivery();
	}

	@Scheduled(fixedDelayString = "${herald.notify.delivery.sweep-interval:1m}",
			initialDelayString = "${herald.notify.delivery.sweep-interval:1m}")
	void scheduledSweep() {
		try {
			sweep();
			this.metrics.backlog(this.ledger.countPending());
		}
		catch (RuntimeException ex) {
			logger.warn("Sweeping the delivery ledger failed; will try again", ex);
		}
	}

	/**
	 * Hand off the entries that are due.
	 * @return how many were handed off
	 */
	int sweep() {
		Instant now = this.clock.instant();
		int total = 0;
		List<Delivery> due;
		do {
			due = this.ledger.findDueForHandoff(now.minus(this.settings.handoffGrace()),
					now.minus(this.settings.staleAfter()), BATCH);
			this.handoff.handOff(due);
			total += due.size();
		}
		while (due.size() == BATCH);
		if (total > 0) {
			logger.info("Handed off {} pending deliveries again", total);
		}
		return total;
	}

}
