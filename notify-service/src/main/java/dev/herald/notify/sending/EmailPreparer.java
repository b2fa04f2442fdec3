package dev.herald.notify.sending;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.notify.NotifyMetrics;
import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.ledger.EntryScheduler;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ledger.PendingEmail;
import dev.herald.notify.record.RecordSnapshot;
import dev.herald.notify.record.RecordSnapshots;
import dev.herald.notify.schedule.Planner;
import dev.herald.notify.schedule.Slot;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStore;
import dev.herald.platform.logging.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns claimed emails into messages, after a last look at what changed since their
 * records were scheduled: an email to a subscriber no longer active, or of records the
 * subscriber no longer follows, is skipped (and so recorded); one whose subscriber
 * changed schedule moves to where the schedule now puts it; records already sent (a crash
 * came between the send and the removal of the email) are left out.
 */
@Component
class EmailPreparer {

	private static final Logger logger = LoggerFactory.getLogger(EmailPreparer.class);

	private final SubscriberStore subscribers;

	private final DeliveryLedger ledger;

	private final RecordSnapshots records;

	private final Outbox outbox;

	private final EntryScheduler scheduler;

	private final EmailWriter writer;

	private final DeliveryHints hints;

	private final NotifyMetrics metrics;

	EmailPreparer(SubscriberStore subscribers, DeliveryLedger ledger, RecordSnapshots records, Outbox outbox,
			EntryScheduler scheduler, EmailWriter writer, DeliveryHints hints, NotifyMetrics metrics) {
		this.subscribers = subscribers;
		this.ledger = ledger;
		this.records = records;
		this.outbox = outbox;
		this.scheduler = scheduler;
		this.writer = writer;
		this.hints = hints;
		this.metrics = metrics;
	}

	/**
	 * Prepares claimed emails; those that are not to be sent now are settled here. Their
	 * messages are written afterwards, in order, on the given executor, so that the first
	 * can be sent while the others are written.
	 * @param claimed emails the caller holds
	 * @param now the current time
	 * @param writers where the messages are written
	 * @return the emails to send, in the order given
	 */
	List<Outgoing> prepare(List<PendingEmail> claimed, Instant now, Executor writers) {
		Map<String, Subscriber> subscribersById = this.subscribers
			.findAllById(claimed.stream().map(PendingEmail::subscriberId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		Map<String, Delivery> entries = this.ledger
			.findAllById(claimed.stream().flatMap((email) -> entryIds(email, email.records()).stream()).toList())
			.stream()
			.collect(Collectors.toMap(Delivery::id, Function.identity()));
		Map<String, RecordSnapshot> snapshots = this.records
			.findAllById(claimed.stream().flatMap((email) -> email.records().stream()).collect(Collectors.toSet()));
		List<Outgoing> outgoing = new ArrayList<>(claimed.size());
		for (PendingEmail email : claimed) {
			Subscriber subscriber = subscribersById.get(email.subscriberId());
			List<String> waiting = email.records().stream().filter((record) -> {
				Delivery entry = entries.get(Delivery.idOf(record, email.subscriberId()));
				return entry == null || entry.status() == DeliveryStatus.SCHEDULED;
			}).toList();
			if (subscriber == null || !subscriber.isActive()) {
				settle(email, waiting, DeliveryStatus.SKIPPED,
						(subscriber == null) ? "subscriber no longer exists" : "subscriber is " + subscriber.status(),
						now);
				continue;
			}
			Slot place = Planner.place(subscriber.id(), slotOf(email), subscriber.scheduleOrDefault(), now);
			if (!place.emailId().equals(email.id())) {
				move(email, waiting, subscriber, place, now);
				continue;
			}
			if (place.dueAt().isAfter(now)) {
				this.outbox.release(List.of(email), (unused) -> place.dueAt(), null, false);
				continue;
			}
			Outgoing ready = ready(email, waiting, subscriber, snapshots, entries, now);
			if (ready != null) {
				outgoing.add(ready);
			}
		}
		Draft.writeInOrder(outgoing.stream().map(Outgoing::message).toList(), writers);
		return outgoing;
	}

	private Outgoing ready(PendingEmail email, List<String> waiting, Subscriber subscriber,
			Map<String, RecordSnapshot> snapshots, Map<String, Delivery> entries, Instant now) {
		Map<String, String> searches = new HashMap<>();
		List<RecordSnapshot> sendable = new ArrayList<>();
		List<String> gone = new ArrayList<>();
		List<String> unfollowed = new ArrayList<>();
		for (String record : waiting) {
			RecordSnapshot snapshot = snapshots.get(record);
			if (snapshot == null) {
				gone.add(record);
			}
			else if (subscriber.followsAny(snapshot.topics())) {
				sendable.add(snapshot);
			}
			else if (subscriber.hasSearch(searchOf(entries, record, subscriber))) {
				searches.put(record, searchOf(entries, record, subscriber));
				sendable.add(snapshot);
			}
			else {
				unfollowed.add(record);
			}
		}
		this.ledger.markUnsent(entryIds(email, gone), DeliveryStatus.SKIPPED, "record not found", now);
		this.ledger.markUnsent(entryIds(email, unfollowed), DeliveryStatus.SKIPPED,
				"subscriber no longer follows the record's topics or searches", now);
		if (sendable.isEmpty()) {
			this.outbox.remove(List.of(email));
			return null;
		}
		List<String> records = sendable.stream().map(RecordSnapshot::id).toList();
		return new Outgoing(email, subscriber, records,
				Draft.of(() -> this.writer.write(email, subscriber, sendable, searches)),
				sendable.stream().map(RecordSnapshot::traceParent).toList());
	}

	/**
	 * Settles an email whose message cannot be written: it fails, and is not tried again.
	 * @param outgoing the email, as its sender holds it now
	 * @param failure why its message cannot be written
	 * @param now the current time
	 */
	void unwritable(Outgoing outgoing, Exception failure, Instant now) {
		logger.warn("Cannot write email {}", outgoing.email().id(), Masking.exception(failure));
		settle(outgoing.email(), outgoing.records(), DeliveryStatus.FAILED,
				"cannot write the email: " + Masking.text(failure.getMessage()), now);
		this.metrics.emailFailed("invalid");
	}

	/** An email that will not be sent: its entries say why, and it leaves the outbox. */
	private void settle(PendingEmail email, Collection<String> records, DeliveryStatus status, String reason,
			Instant now) {
		this.ledger.markUnsent(entryIds(email, records), status, reason, now);
		this.outbox.remove(List.of(email));
	}

	/** The subscriber's schedule changed: the records go where it now puts them. */
	private void move(PendingEmail email, List<String> waiting, Subscriber subscriber, Slot place, Instant now) {
		List<Delivery> moved = waiting.stream()
			.map((record) -> Delivery.scheduled(record, subscriber.id(), place, now))
			.toList();
		this.ledger.moveTo(entryIds(email, waiting), place, now);
		this.hints.offerAll(this.scheduler.schedule(moved, (unused) -> subscriber.scheduleOrDefault(), now));
		this.outbox.remove(List.of(email));
	}

	private static Slot slotOf(PendingEmail email) {
		return new Slot(email.id(), email.kind(), email.dueAt());
	}

	private static List<String> entryIds(PendingEmail email, Collection<String> records) {
		return records.stream().map((record) -> Delivery.idOf(record, email.subscriberId())).toList();
	}

	private static String searchOf(Map<String, Delivery> entries, String record, Subscriber subscriber) {
		Delivery entry = entries.get(Delivery.idOf(record, subscriber.id()));
		return (entry != null) ? entry.search() : null;
	}

}
