package dev.herald.notify.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.EntryScheduler;
import dev.herald.notify.schedule.Planner;
import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.schedule.Slot;
import dev.herald.notify.sending.DeliveryHints;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStore;

import org.springframework.stereotype.Component;

/**
 * An operator's resend of a record's failed entries: each is scheduled again as its
 * subscriber's schedule says now (an alert at once, or the next digest). Subscribers no
 * longer active are skipped when their email is due.
 */
@Component
public class FailedResend {

	private final DeliveryLedger ledger;

	private final EntryScheduler scheduler;

	private final SubscriberStore subscribers;

	private final DeliveryHints hints;

	private final Clock clock;

	FailedResend(DeliveryLedger ledger, EntryScheduler scheduler, SubscriberStore subscribers, DeliveryHints hints,
			Clock clock) {
		this.ledger = ledger;
		this.scheduler = scheduler;
		this.subscribers = subscribers;
		this.hints = hints;
		this.clock = clock;
	}

	/**
	 * Schedules a record's failed entries again.
	 * @param recordId the record
	 * @return how many were scheduled again
	 */
	public int resend(String recordId) {
		Instant now = this.clock.instant();
		List<Delivery> requeued = this.ledger.requeueFailed(recordId, now);
		if (requeued.isEmpty()) {
			return 0;
		}
		Map<String, Schedule> schedules = this.subscribers
			.findAllById(requeued.stream().map(Delivery::subscriberId).toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Subscriber::scheduleOrDefault));
		Function<String, Schedule> scheduleOf = (id) -> schedules.getOrDefault(id, Schedule.immediate());
		List<Delivery> planned = requeued.stream().map((entry) -> {
			Slot slot = Planner.plan(entry.subscriberId(), recordId, scheduleOf.apply(entry.subscriberId()), now,
					false);
			this.ledger.moveTo(List.of(entry.id()), slot, now);
			return Delivery.scheduled(recordId, entry.subscriberId(), slot, now);
		}).toList();
		this.hints.offerAll(this.scheduler.schedule(planned, scheduleOf, now));
		return planned.size();
	}

}
