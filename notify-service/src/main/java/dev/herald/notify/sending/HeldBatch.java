package dev.herald.notify.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ledger.PendingEmail;
import dev.herald.notify.relay.SmtpFailure;
import dev.herald.notify.sending.OutcomeRecorder.Tried;

/**
 * The emails of one batch as their sender holds them: those still to try, in order, under
 * a lease renewed whenever less than half of its shortest is left, and the outcomes of
 * those tried.
 */
final class HeldBatch {

	private final List<Outgoing> pending;

	private final String owner;

	private final Outbox outbox;

	private final Clock clock;

	private final Duration lease;

	private final OutcomeWrites outcomes;

	private Instant leaseUntil;

	private int position;

	private int triedCount;

	HeldBatch(String owner, Outbox outbox, Clock clock, Duration lease, OutcomeWrites outcomes) {
		this.pending = new ArrayList<>();
		this.owner = owner;
		this.outbox = outbox;
		this.clock = clock;
		this.lease = lease;
		this.outcomes = outcomes;
		this.leaseUntil = Instant.MAX;
	}

	/**
	 * Adds emails claimed for this batch, to be tried after those added before.
	 * @param ready the emails, as claimed
	 */
	void add(List<Outgoing> ready) {
		for (Outgoing outgoing : ready) {
			this.pending.add(outgoing);
			if (outgoing.email().leaseUntil().isBefore(this.leaseUntil)) {
				this.leaseUntil = outgoing.email().leaseUntil();
			}
		}
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
		Instant now = this.clock.instant();
		if (Duration.between(now, this.leaseUntil).compareTo(this.lease.dividedBy(2)) > 0) {
			return true;
		}
		this.outcomes.start();
		List<Outgoing> rest = this.pending.subList(this.position, this.pending.size());
		Map<String, PendingEmail> renewed = this.outbox
			.renew(rest.stream().map(Outgoing::email).toList(), this.owner, now.plus(this.lease))
			.stream()
			.collect(Collectors.toMap(PendingEmail::id, Function.identity()));
		rest.stream()
			.filter((outgoing) -> !renewed.containsKey(outgoing.email().id()))
			.forEach((outgoing) -> outgoing.message().discard());
		List<Outgoing> held = rest.stream()
			.filter((outgoing) -> renewed.containsKey(outgoing.email().id()))
			.map((outgoing) -> outgoing.with(renewed.get(outgoing.email().id())))
			.toList();
		rest.clear();
		this.pending.addAll(held);
		this.leaseUntil = now.plus(this.lease);
		return hasNext();
	}

	int triedCount() {
		return this.triedCount;
	}

	void tried(Outgoing outgoing, SmtpFailure failure) {
		this.triedCount++;
		this.outcomes.add(new Tried(outgoing, failure));
	}

	/** Records what was tried and releases what was not. */
	void finish() {
		List<Outgoing> rest = this.pending.subList(this.position, this.pending.size());
		rest.forEach((outgoing) -> outgoing.message().discard());
		this.outcomes.finish();
		List<PendingEmail> untried = rest.stream().map(Outgoing::email).toList();
		this.outbox.release(untried, PendingEmail::dueAt, null, false);
	}

}
