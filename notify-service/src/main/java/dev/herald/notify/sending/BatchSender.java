package dev.herald.notify.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ledger.PendingEmail;
import dev.herald.notify.relay.SmtpFailure;
import dev.herald.notify.sending.OutcomeRecorder.Tried;
import dev.herald.platform.tracing.RecordSpans;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one batch of emails for one sender: claims them (an email another sender holds is
 * left to it), prepares them, and sends them in order over the sender's connection.
 * <p>
 * The claim is a lease in the outbox, renewed whenever less than half of it is left, so
 * an email is never sent by a sender whose lease might have ended; a renewal that finds
 * an email taken over drops it from the batch. Outcomes are recorded after every
 * {@code record-every} emails, while the sender goes on sending the next ones, and the
 * batch ends only once all are recorded, before the sender claims more. A sender waits
 * for one record to be written before it starts the next, so a crash repeats at most the
 * emails of the record being written and those sent since: {@code 2 × record-every}. A
 * relay failure ends the batch; the emails not tried are released as they were.
 */
@Component
class BatchSender implements DisposableBean {

	/** The span of each email's send to the relay. */
	static final String SEND_SPAN = "herald.notify.send";

	private final Outbox outbox;

	private final EmailPreparer preparer;

	private final OutcomeRecorder recorder;

	private final SendRate rate;

	private final Clock clock;

	private final Duration lease;

	private final int recordEvery;

	private final RecordSpans spans;

	// One thread per sender: each sender has at most one record being written.
	private final ExecutorService recorders;

	BatchSender(Outbox outbox, EmailPreparer preparer, OutcomeRecorder recorder, SendRate rate, Clock clock,
			NotifyProperties properties, RecordSpans spans) {
		this.spans = spans;
		this.outbox = outbox;
		this.preparer = preparer;
		this.recorder = recorder;
		this.rate = rate;
		this.clock = clock;
		this.lease = properties.delivery().lease();
		this.recordEvery = properties.delivery().recordEvery();
		CustomizableThreadFactory threads = new CustomizableThreadFactory("outcome-recorder-");
		threads.setDaemon(true);
		this.recorders = Executors.newFixedThreadPool(properties.delivery().concurrency(), threads);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.recorders.shutdown();
		this.recorders.awaitTermination(this.lease.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Sends a batch.
	 * @param emailIds emails believed due
	 * @param owner the sender, as named in its claims
	 * @param connection the sender's SMTP connection, open
	 * @return how many emails were tried
	 * @throws InterruptedException when the sender is stopped while waiting for the send
	 * rate; what it claimed is released
	 */
	int send(Collection<String> emailIds, String owner, SmtpConnection connection) throws InterruptedException {
		Instant now = this.clock.instant();
		List<PendingEmail> claimed = this.outbox.claim(emailIds, owner, now, this.lease);
		if (claimed.isEmpty()) {
			return 0;
		}
		Batch batch = new Batch(this.preparer.prepare(claimed, now), owner);
		try {
			while (batch.hasNext()) {
				if (!batch.renewIfDue()) {
					continue;
				}
				this.rate.acquire();
				Outgoing next = batch.next();
				SmtpFailure failure = send(next, connection);
				batch.tried(next, failure);
				if (failure != null && failure.kind() == SmtpFailure.Kind.RELAY) {
					break;
				}
			}
		}
		finally {
			batch.finish();
		}
		return batch.triedCount;
	}

	/**
	 * Sends one email in its span: a child of its record's match, or for a digest a new
	 * trace linking the matches of the records it carries.
	 */
	private SmtpFailure send(Outgoing email, SmtpConnection connection) {
		Span span = this.spans.forRecords(SEND_SPAN, email.traceParents())
			.tag("herald.email.kind", email.email().kind().name().toLowerCase(Locale.ROOT))
			.tag("herald.email.records", String.valueOf(email.records().size()));
		try (Tracer.SpanInScope scope = this.spans.inScope(span)) {
			SmtpFailure failure = connection.send(email.message());
			if (failure != null) {
				span.tag("smtp.reply.code", String.valueOf(failure.code()));
				span.error(new IllegalStateException(failure.reply()));
			}
			return failure;
		}
		finally {
			span.end();
		}
	}

	/** The emails of one batch as the sender holds them. */
	private final class Batch {

		private final List<Outgoing> pending;

		private final String owner;

		private final OutcomeWrites outcomes = new OutcomeWrites(BatchSender.this.recorder, BatchSender.this.recorders,
				BatchSender.this.clock, BatchSender.this.recordEvery);

		private Instant leaseUntil;

		private int position;

		private int triedCount;

		Batch(List<Outgoing> ready, String owner) {
			this.pending = new ArrayList<>(ready);
			this.owner = owner;
			this.leaseUntil = ready.stream()
				.map((outgoing) -> outgoing.email().leaseUntil())
				.min(Instant::compareTo)
				.orElse(Instant.EPOCH);
		}

		boolean hasNext() {
			return this.position < this.pending.size();
		}

		Outgoing next() {
			return this.pending.get(this.position++);
		}

		/**
		 * Renews the lease of the emails not yet tried when less than half of it is left.
		 * @return whether the next email is still held
		 */
		boolean renewIfDue() {
			Instant now = BatchSender.this.clock.instant();
			if (Duration.between(now, this.leaseUntil).compareTo(BatchSender.this.lease.dividedBy(2)) > 0) {
				return true;
			}
			this.outcomes.start();
			List<Outgoing> rest = this.pending.subList(this.position, this.pending.size());
			Map<String, PendingEmail> renewed = BatchSender.this.outbox
				.renew(rest.stream().map(Outgoing::email).toList(), this.owner, now.plus(BatchSender.this.lease))
				.stream()
				.collect(Collectors.toMap(PendingEmail::id, Function.identity()));
			List<Outgoing> held = rest.stream()
				.filter((outgoing) -> renewed.containsKey(outgoing.email().id()))
				.map((outgoing) -> outgoing.with(renewed.get(outgoing.email().id())))
				.toList();
			rest.clear();
			this.pending.addAll(held);
			this.leaseUntil = now.plus(BatchSender.this.lease);
			return hasNext();
		}

		void tried(Outgoing outgoing, SmtpFailure failure) {
			this.triedCount++;
			this.outcomes.add(new Tried(outgoing, failure));
		}

		/** Records what was tried and releases what was not. */
		void finish() {
			this.outcomes.finish();
			List<PendingEmail> untried = this.pending.subList(this.position, this.pending.size())
				.stream()
				.map(Outgoing::email)
				.toList();
			BatchSender.this.outbox.release(untried, PendingEmail::dueAt, null, false);
		}

	}

}
