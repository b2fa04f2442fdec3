package dev.herald.notify.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.herald.notify.NotifyMetrics;
import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ledger.PendingEmail;
import dev.herald.notify.relay.SmtpFailure;
import dev.herald.notify.subscription.Suppression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Records what became of emails a sender tried, in a few writes for all of them: sent
 * emails leave the outbox once their ledger entries say so (in that order, so that a
 * crash in between cannot send them again); a refused address fails its email and counts
 * toward suppressing it; a relay's reply about the email retries it later with its own
 * back-off, so that one troublesome email never holds up the others; a lost connection
 * leaves it due as it was. Nothing but a refused address ever fails an email.
 */
@Component
class OutcomeRecorder {

	private static final Logger logger = LoggerFactory.getLogger(OutcomeRecorder.class);

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private final DeliveryLedger ledger;

	private final Outbox outbox;

	private final Suppression suppression;

	private final NotifyMetrics metrics;

	private final NotifyProperties.Delivery delivery;

	private final NotifyProperties.Retry retry;

	OutcomeRecorder(DeliveryLedger ledger, Outbox outbox, Suppression suppression, NotifyMetrics metrics,
			NotifyProperties properties) {
		this.ledger = ledger;
		this.outbox = outbox;
		this.suppression = suppression;
		this.metrics = metrics;
		this.delivery = properties.delivery();
		this.retry = properties.retry();
	}

	/**
	 * Records outcomes.
	 * @param tried emails tried, each with its outcome
	 * @param now the current time
	 */
	void record(List<Tried> tried, Instant now) {
		List<Outgoing> sent = tried.stream().filter((attempt) -> attempt.failure() == null).map(Tried::email).toList();
		if (!sent.isEmpty()) {
			this.ledger.markSent(sent.stream().flatMap((email) -> email.entryIds().stream()).toList(), now);
			this.outbox.remove(sent.stream().map(Outgoing::email).toList());
			sent.forEach((email) -> this.metrics.emailSent(email.email().kind(),
					Duration.between(email.email().dueAt(), now)));
			sent.stream()
				.filter((email) -> email.subscriber().permanentFailures() > 0)
				.forEach((email) -> this.suppression.clearFailures(email.subscriber().id()));
		}
		for (Tried attempt : tried) {
			if (attempt.failure() != null) {
				failed(attempt.email(), attempt.failure(), now);
			}
		}
	}

	private void failed(Outgoing outgoing, SmtpFailure failure, Instant now) {
		PendingEmail email = outgoing.email();
		switch (failure.kind()) {
			case RECIPIENT_REFUSED -> {
				fail(outgoing, failure.reply(), now);
				this.metrics.emailFailed("refused");
				if (this.suppression.recordPermanentFailure(email.subscriberId(), this.delivery.suppressAfter())) {
					logger.info("Suppressed subscriber {}: its address was refused {} times", email.subscriberId(),
							this.delivery.suppressAfter());
				}
			}
			case RELAY -> {
				// A reply about this message waits its own back-off; a lost connection is
				// the
				// relay's alone, and the email goes as soon as a relay works.
				Instant dueAt = failure.answered() ? now.plus(this.retry.after(email.attempts() + 1, LONGEST_WAIT))
						: email.dueAt();
				retryLater(outgoing, dueAt, failure.reply(), now);
				this.metrics.emailFailed("relay");
			}
		}
	}

	private void fail(Outgoing outgoing, String reason, Instant now) {
		this.ledger.markUnsent(outgoing.entryIds(), DeliveryStatus.FAILED, reason, now);
		this.outbox.remove(List.of(outgoing.email()));
	}

	private void retryLater(Outgoing outgoing, Instant dueAt, String reason, Instant now) {
		this.ledger.noteFailure(outgoing.entryIds(), reason, now);
		this.outbox.release(List.of(outgoing.email()), (unused) -> dueAt, reason, true);
	}

	/**
	 * An email tried, and its outcome.
	 *
	 * @param email the email
	 * @param failure why the relay did not accept it, or {@code null} when it did
	 */
	record Tried(Outgoing email, SmtpFailure failure) {
	}

}
