package dev.herald.notify.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.herald.notify.ledger.OutboxWriter.Addition;
import dev.herald.notify.schedule.Planner;
import dev.herald.notify.schedule.Schedule;

import org.springframework.stereotype.Component;

/**
 * Puts scheduled ledger entries into the emails their entries name, and points an entry
 * at a later email when its own was already being sent. The one way records reach the
 * outbox: from matching, from a change of schedule and from an operator's resend.
 */
@Component
public class EntryScheduler {

	private final DeliveryLedger ledger;

	private final OutboxWriter outbox;

	EntryScheduler(DeliveryLedger ledger, OutboxWriter outbox) {
		this.ledger = ledger;
		this.outbox = outbox;
	}

	/**
	 * Adds entries to their emails.
	 * @param entries scheduled entries, each naming its email
	 * @param schedules the schedule of each entry's subscriber
	 * @param now the current time
	 * @return the ids of the emails that are due now
	 */
	public List<String> schedule(List<Delivery> entries, Function<String, Schedule> schedules, Instant now) {
		Map<String, List<Delivery>> byEmail = new LinkedHashMap<>();
		entries.forEach((entry) -> byEmail.computeIfAbsent(entry.emailId(), (id) -> new ArrayList<>()).add(entry));
		List<Addition> additions = new ArrayList<>(byEmail.size());
		List<String> due = new ArrayList<>();
		byEmail.forEach((emailId, carried) -> {
			Delivery first = carried.get(0);
			Schedule schedule = schedules.apply(first.subscriberId());
			List<String> records = new ArrayList<>(
					new LinkedHashSet<>(carried.stream().map(Delivery::recordId).toList()));
			additions.add(new Addition(first.slot(), first.subscriberId(), records,
					(taken) -> Planner.after(first.subscriberId(), schedule, taken)));
			if (!first.dueAt().isAfter(now)) {
				due.add(emailId);
			}
		});
		this.outbox.add(additions, now, (addition, slot) -> this.ledger.moveTo(
				addition.records().stream().map((record) -> Delivery.idOf(record, addition.subscriberId())).toList(),
				slot, now));
		return due;
	}

}
