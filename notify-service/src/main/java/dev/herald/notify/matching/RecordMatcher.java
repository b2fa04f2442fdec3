package dev.herald.notify.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.herald.notify.NotifyMetrics;
import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.ledger.EntryScheduler;
import dev.herald.notify.record.RecordSnapshots;
import dev.herald.notify.schedule.EmailKind;
import dev.herald.notify.schedule.Planner;
import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.schedule.Slot;
import dev.herald.notify.sending.DeliveryHints;
import dev.herald.notify.subscription.Follower;
import dev.herald.notify.subscription.SubscriberStore;

import org.springframework.stereotype.Component;

/**
 * Matches a poll of published records to the active subscribers who follow their topics,
 * and schedules each match: a ledger entry per record and subscriber (duplicates ignored,
 * so a redelivered record changes nothing), then the record in the email that will carry
 * it, as the subscriber's schedule says. Subscribers are read a page at a time for the
 * whole poll, so a fan-out to thousands costs a few round trips per page.
 */
@Component
class RecordMatcher {

	private static final int MAX_ENTRIES = 10_000;

	private final SubscriberStore subscribers;

	private final DeliveryLedger ledger;

	private final EntryScheduler scheduler;

	private final RecordSnapshots records;

	private final BurstCounts bursts;

	private final DeliveryHints hints;

	private final NotifyMetrics metrics;

	private final Clock clock;

	private final NotifyProperties properties;

	RecordMatcher(SubscriberStore subscribers, DeliveryLedger ledger, EntryScheduler scheduler, RecordSnapshots records,
			BurstCounts bursts, DeliveryHints hints, NotifyMetrics metrics, Clock clock, NotifyProperties properties) {
		this.subscribers = subscribers;
		this.ledger = ledger;
		this.scheduler = scheduler;
		this.records = records;
		this.bursts = bursts;
		this.hints = hints;
		this.metrics = metrics;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Matches and schedules records.
	 * @param published the records of a poll
	 */
	void match(List<PublishedRecord> published) {
		if (published.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		this.records.saveAll(published.stream().map(PublishedRecord::snapshot).toList());
		Set<String> topics = new LinkedHashSet<>();
		published.forEach((record) -> topics.addAll(record.topics()));
		if (topics.isEmpty()) {
			return;
		}
		// A page's entries (records × subscribers) stay within what one write should
		// carry.
		int pageSize = Math.max(1, Math.min(this.properties.matching().pageSize(), MAX_ENTRIES / published.size()));
		String after = null;
		List<Follower> page;
		do {
			page = this.subscribers.findActiveFollowing(topics, after, pageSize);
			if (!page.isEmpty()) {
				schedule(published, page, now);
				after = page.get(page.size() - 1).id();
			}
		}
		while (page.size() == pageSize);
	}

	private void schedule(List<PublishedRecord> published, List<Follower> page, Instant now) {
		Map<String, Follower> byId = new HashMap<>();
		List<Delivery> entries = new ArrayList<>();
		for (PublishedRecord record : published) {
			for (Follower subscriber : page) {
				if (subscriber.followsAny(record.topics())) {
					byId.put(subscriber.id(), subscriber);
					Slot slot = Planner.plan(subscriber.id(), record.id(), subscriber.scheduleOrDefault(), now, false);
					entries.add(Delivery.scheduled(record.id(), subscriber.id(), slot, now));
				}
			}
		}
		Set<String> inserted = this.ledger.insertNew(entries);
		List<Delivery> waiting = new ArrayList<>(
				rollUpBursts(entries.stream().filter((entry) -> inserted.contains(entry.id())).toList(), byId, now));
		List<String> redelivered = entries.stream().map(Delivery::id).filter((id) -> !inserted.contains(id)).toList();
		// A redelivered record: what was matched before and not yet sent is scheduled
		// again where it was, in case the crash came before its email was written.
		this.ledger.findAllById(redelivered)
			.stream()
			.filter((entry) -> entry.status() == DeliveryStatus.SCHEDULED)
			.forEach(waiting::add);
		this.scheduler.schedule(waiting, (subscriber) -> scheduleOf(byId.get(subscriber)), now)
			.forEach(this.hints::offer);
		if (!inserted.isEmpty()) {
			this.metrics.matched(inserted.size());
		}
	}

	/**
	 * New immediate alerts beyond the hourly limit of their subscriber go into the
	 * end-of-hour email instead.
	 * @return the entries, some with their new slot
	 */
	private List<Delivery> rollUpBursts(List<Delivery> created, Map<String, Follower> byId, Instant now) {
		int limit = this.properties.delivery().burstLimit();
		Map<String, Integer> alerts = new LinkedHashMap<>();
		created.stream()
			.filter((entry) -> entry.emailKind() == EmailKind.ALERT)
			.forEach((entry) -> alerts.merge(entry.subscriberId(), 1, Integer::sum));
		if (limit <= 0 || alerts.isEmpty()) {
			return created;
		}
		Map<String, Long> before = this.bursts.add(alerts, now);
		Map<String, Long> allowed = new HashMap<>();
		before.forEach((subscriber, count) -> allowed.put(subscriber, Math.max(0, limit - count)));
		List<Delivery> result = new ArrayList<>(created.size());
		Map<Slot, List<String>> rolledUp = new LinkedHashMap<>();
		for (Delivery entry : created) {
			if (entry.emailKind() != EmailKind.ALERT || allowed.merge(entry.subscriberId(), -1L, Long::sum) >= 0) {
				result.add(entry);
				continue;
			}
			Schedule schedule = byId.get(entry.subscriberId()).scheduleOrDefault();
			Slot burst = Planner.plan(entry.subscriberId(), entry.recordId(), schedule, now, true);
			rolledUp.computeIfAbsent(burst, (slot) -> new ArrayList<>()).add(entry.id());
			result.add(Delivery.scheduled(entry.recordId(), entry.subscriberId(), burst, now));
		}
		rolledUp.forEach((slot, ids) -> this.ledger.moveTo(ids, slot, now));
		return result;
	}

	private static Schedule scheduleOf(Follower subscriber) {
		return (subscriber != null) ? subscriber.scheduleOrDefault() : Schedule.immediate();
	}

}
