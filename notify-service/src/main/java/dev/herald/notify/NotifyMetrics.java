package dev.herald.notify;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.schedule.EmailKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The service's own meters: emails sent (by kind) and failed (by reason), how late emails
 * leave after they fall due, matches per poll, records dead-lettered, and the outbox's
 * backlog. Every meter exists from the start, at zero.
 */
@Component
public class NotifyMetrics {

	private static final String[] FAILURE_REASONS = { "refused", "relay", "invalid" };

	private final Map<EmailKind, Counter> sent = new EnumMap<>(EmailKind.class);

	private final Map<String, Counter> failed = new ConcurrentHashMap<>();

	private final Timer latency;

	private final DistributionSummary matches;

	private final Counter deadLettered;

	private final AtomicLong due = new AtomicLong();

	private final AtomicLong scheduled = new AtomicLong();

	private final Timer searchMatch;

	private final AtomicLong searches = new AtomicLong();

	NotifyMetrics(MeterRegistry registry) {
		for (EmailKind kind : EmailKind.values()) {
			this.sent.put(kind,
					Counter.builder("herald.notify.emails.sent")
						.description("Emails the SMTP relay accepted, by kind")
						.tag("kind", kind.name().toLowerCase(Locale.ROOT))
						.register(registry));
		}
		for (String reason : FAILURE_REASONS) {
			this.failed.put(reason,
					Counter.builder("herald.notify.emails.failed")
						.description("Failed tries of emails, by reason (refused and invalid for good, relay for now)")
						.tag("reason", reason)
						.register(registry));
		}
		this.latency = Timer.builder("herald.notify.send.latency")
			.description("From the moment an email fell due to the relay accepting it")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
		this.matches = DistributionSummary.builder("herald.notify.matches")
			.description("New ledger entries (record and subscriber) per poll of records")
			.baseUnit("entries")
			.register(registry);
		this.deadLettered = Counter.builder("herald.notify.records.dead-lettered")
			.description("Record events refused for breaking the contract, sent to the dead-letter topic")
			.register(registry);
		// Percentiles over the last 10 to 20 seconds (two buffers rotated every 10 s): a
		// change of load shows soon.
		this.searchMatch = Timer.builder("herald.notify.searches.match")
			.description("Matching one record against every saved search")
			.publishPercentiles(0.5, 0.99)
			// Two significant digits: within 1 % (one digit reports up to 6 % high).
			.percentilePrecision(2)
			.distributionStatisticExpiry(Duration.ofSeconds(20))
			.distributionStatisticBufferLength(2)
			.register(registry);
		Gauge.builder("herald.notify.searches", this.searches, AtomicLong::get)
			.description("Saved searches of active subscribers in the index")
			.register(registry);
		Gauge.builder("herald.notify.outbox.emails", this.due, AtomicLong::get)
			.description("Emails still to send")
			.tag("state", "due")
			.register(registry);
		Gauge.builder("herald.notify.outbox.emails", this.scheduled, AtomicLong::get)
			.description("Emails still to send")
			.tag("state", "scheduled")
			.register(registry);
	}

	/**
	 * The relay accepted an email.
	 * @param kind what kind of email it was
	 * @param lateBy how long after it fell due
	 */
	public void emailSent(EmailKind kind, Duration lateBy) {
		this.sent.get(kind).increment();
		this.latency.record(lateBy.isNegative() ? Duration.ZERO : lateBy);
	}

	/**
	 * An email failed, for good or for now.
	 * @param reason {@code refused}, {@code relay} or {@code invalid}
	 */
	public void emailFailed(String reason) {
		this.failed.get(reason).increment();
	}

	/**
	 * A poll of records was matched.
	 * @param entries new ledger entries
	 */
	public void matched(long entries) {
		this.matches.record(entries);
	}

	/**
	 * A record event went to the dead-letter topic.
	 */
	public void deadLettered() {
		this.deadLettered.increment();
	}

	/**
	 * The outbox's backlog, as last counted.
	 * @param backlog the counts
	 */
	public void backlog(Outbox.Backlog backlog) {
		this.due.set(backlog.due());
		this.scheduled.set(backlog.scheduled());
	}

	/**
	 * A record was matched against every saved search.
	 * @param took how long it took
	 */
	public void searchMatched(Duration took) {
		this.searchMatch.record(took);
	}

	/**
	 * The index of saved searches changed.
	 * @param count saved searches it holds
	 */
	public void searchesIndexed(long count) {
		this.searches.set(count);
	}

}
