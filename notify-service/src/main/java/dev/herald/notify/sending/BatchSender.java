package dev.herald.notify.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ledger.PendingEmail;
import dev.herald.notify.relay.SmtpFailure;
import dev.herald.platform.tracing.RecordSpans;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one batch of emails for one sender: claims them (an email another sender holds is
 * left to it), prepares them, and sends them in order over the sender's connection. Their
 * messages are written in the background, in the same order: each email goes as soon as
 * its own is written, while the next are being written.
 * <p>
 * A batch is claimed in two steps ({@link BatchClaim}): its first {@code record-every}
 * emails, which the sender starts sending at once, and the rest, claimed and prepared in
 * the background meanwhile.
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

	// One thread per sender: each sender writes the messages of one batch at a time.
	private final ExecutorService writers;

	// One thread per sender: each sender claims the rest of one batch at a time.
	private final ExecutorService claimers;

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
		this.recorders = pool("outcome-recorder-", properties.delivery().concurrency());
		this.writers = pool("email-writer-", properties.delivery().concurrency());
		this.claimers = pool("batch-claimer-", properties.delivery().concurrency());
	}

	private static ExecutorService pool(String prefix, int threads) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
		factory.setDaemon(true);
		return Executors.newFixedThreadPool(threads, factory);
	}

	@Override
	public void destroy() throws InterruptedException {
		// Writes already queued still run, so that no sender waits for ever on a draft.
		this.writers.shutdown();
		this.claimers.shutdown();
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
		HeldBatch batch = new HeldBatch(owner, this.outbox, this.clock, this.lease,
				new OutcomeWrites(this.recorder, this.recorders, this.clock, this.recordEvery));
		BatchClaim claim = null;
		try {
			claim = BatchClaim.start(List.copyOf(emailIds), this.recordEvery, (ids) -> claim(ids, owner), batch,
					this.claimers);
			while (batch.hasNext() || claim.hasRest()) {
				if (!batch.hasNext()) {
					batch.add(claim.takeRest());
					continue;
				}
				if (!batch.renewIfDue()) {
					continue;
				}
				Outgoing next = batch.next();
				MimeMessage message = written(next);
				if (message == null) {
					continue;
				}
				this.rate.acquire();
				SmtpFailure failure = send(next, message, connection);
				batch.tried(next, failure);
				if (failure != null && failure.kind() == SmtpFailure.Kind.RELAY) {
					break;
				}
			}
		}
		finally {
			if (claim != null) {
				// Claimed while the batch ended early: released with the rest untried.
				batch.add(claim.takeRestQuietly());
			}
			batch.finish();
		}
		return batch.triedCount();
	}

	/** Claims emails and prepares those claimed; their messages are written meanwhile. */
	private List<Outgoing> claim(List<String> ids, String owner) {
		Instant now = this.clock.instant();
		List<PendingEmail> claimed = this.outbox.claim(ids, owner, now, this.lease);
		return claimed.isEmpty() ? List.of() : this.preparer.prepare(claimed, now, this.writers);
	}

	/**
	 * The message of an email, once written; an email whose message cannot be written is
	 * settled as failed.
	 */
	private MimeMessage written(Outgoing email) throws InterruptedException {
		try {
			return email.message().await();
		}
		catch (MessagingException | RuntimeException ex) {
			this.preparer.unwritable(email, ex, this.clock.instant());
			return null;
		}
	}

	/**
	 * Sends one email in its span: a child of its record's match, or for a digest a new
	 * trace linking the matches of the records it carries.
	 */
	private SmtpFailure send(Outgoing email, MimeMessage message, SmtpConnection connection) {
		Span span = this.spans.forRecords(SEND_SPAN, email.traceParents())
			.tag("herald.email.kind", email.email().kind().name().toLowerCase(Locale.ROOT))
			.tag("herald.email.records", String.valueOf(email.records().size()));
		try (Tracer.SpanInScope scope = this.spans.inScope(span)) {
			SmtpFailure failure = connection.send(message);
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

}
