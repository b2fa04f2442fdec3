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
import java.util.function.BiFunction;

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
import dev.herald.notify.subscription.Followers;

import org.springframework.stereotype.Component;

/**
 * Matches a poll of published records to the active subscribers who follow their topics
 * or whose saved searches they match (a record that does both is matched once, for its
 * topic), and schedules each match: a ledger entry per record and subscriber (duplicates
 * ignored, so a redelivered record changes nothing), then the record in the email that
 * will carry it, as the subscriber's schedule says. Subscribers are read a page at a time
 * for the whole poll, so a fan-out to thousands costs a few round trips per page.
 */
@Component
class RecordMatcher {

	private static final int MAX_ENTRIES = 10_000;

	private final Followers followers;

	private final DeliveryLedger ledger;

	private final EntryScheduler scheduler;

	private final RecordSnapshots records;

	private final BurstCounts bursts;

	private final SavedSearchIndex searches;

	private final DeliveryHints hints;

	private final NotifyMetrics metrics;

	private final Clock clock;

	private final NotifyProperties properties;

	RecordMatcher(Followers followers, DeliveryLedger ledger, EntryScheduler scheduler, RecordSnapshots records,
			BurstCounts bursts, SavedSearchIndex searches, DeliveryHints hints, NotifyMetrics metrics, Clock clock,
			NotifyProperties properties) {
		this.searches = searches;
		this.followers = followers;
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
		match(published, Map.of());
	}

	/**
	 * Matches and schedules records, keeping with each the trace its sends continue.
	 * @param published the records of a poll
	 * @param traceParents by record id, the W3C trace context of its match
	 */
	void match(List<PublishedRecord> published, Map<String, String> traceParents) {
		if (published.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		this.records
			.saveAll(published.stream().map((record) -> record.snapshot(traceParents.get(record.id()))).toList());
		Set<String> topics = new LinkedHashSet<>();
		published.forEach((record) -> topics.addAll(record.topics()));
		// A page's entries (records × subscribers) stay within what one write should
		// carry.
		int pageSize = Math.max(1, Math.min(this.properties.matching().pageSize(), MAX_ENTRIES / published.size()));
		if (!topics.isEmpty()) {
			String after = null;
			List<Follower> page;
			do {
				page = this.followers.findActiveFollowing(topics, after, pageSize);
				if (!page.isEmpty()) {
					schedule(published, page,
							(record, subscriber) -> subscriber.followsAny(record.topics()) ? Match.TOPIC : null, now);
					after = page.get(page.size() - 1).id();
				}
			}
			while (page.size() == pageSize);
		}
		Map<String, Map<String, String>> searched = this.searches.match(published);
		List<String> searchers = searched.values()
			.stream()
			.flatMap((bySubscriber) -> bySubscriber.keySet().stream())
			.distinct()
			.toList();
		for (int from = 0; from < searchers.size(); from += pageSize) {
			List<Follower> page = this.followers
				.findActiveFollowers(searchers.subList(from, Math.min(searchers.size(), from + pageSize)));
			// Who also follows one of the record's topics has it already.
			schedule(published, page, (record, subscriber) -> {
				String search = searched.getOrDefault(record.id(), Map.of()).get(subscriber.id());
				return (search == null || subscriber.followsAny(record.topics())) ? null : new Match(search);
			}, now);
		}
	}

	/**
	 * Schedules what a page of subscribers gets of the records.
	 * @param reason for a record and a subscriber, why the subscriber gets it, or
	 * {@code null} when it does not
	 */
	private void schedule(List<PublishedRecord> published, List<Follower> page,
			BiFunction<PublishedRecord, Follower, Match> reason, Instant now) {
		Map<String, Follower> byId = new HashMap<>();
		List<Delivery> entries = new ArrayList<>();
		for (PublishedRecord record : published) {
			for (Follower subscriber : page) {
				Match why = reason.apply(record, subscriber);
				if (why != null) {
					byId.put(subscriber.id(), subscriber);
					Slot slot = Planner.plan(subscriber.id(), record.id(), subscriber.scheduleOrDefault(), now, false);
					Delivery entry = Delivery.scheduled(record.id(), subscriber.id(), slot, now);
					entries.add((why.search() == null) ? entry : entry.withSearch(why.search()));
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

	/**
	 * Why a subscriber gets a record.
	 *
	 * @param search the query of the saved search that matched it, or {@code null} for
	 * one of the subscriber's topics
	 */
	private record Match(String search) {

		static final Match TOPIC = new Match(null);

	}

}
