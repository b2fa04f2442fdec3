package dev.herald.notify.ledger;

import java.time.Instant;
import java.util.List;

import dev.herald.notify.schedule.EmailKind;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An email still to send, in the {@code emails} collection (the outbox): the records it
 * carries to one subscriber, when it is due, and who is sending it. Removed once sent.
 * <p>
 * Every change to it is conditional on its {@code version}, which every change
 * increments: a sender owns it from a successful claim until its lease ends, renewing the
 * lease while it works; a sender whose lease was taken over finds out at its next change
 * and stops.
 *
 * @param id the email's id ({@link dev.herald.notify.schedule.Slot#emailId()})
 * @param subscriberId the recipient
 * @param kind what kind of email it is
 * @param records the records it carries, in the order they matched
 * @param dueAt when it is due
 * @param owner the sender holding it, or {@code null}
 * @param leaseUntil until when the owner holds it; in the past when nobody does
 * @param version incremented by every change
 * @param attempts failed tries so far
 * @param lastError the reply of the last failed try
 * @param createdAt when it was first scheduled
 */
@Document(PendingEmail.COLLECTION)
public record PendingEmail(@Id String id, String subscriberId, EmailKind kind, List<String> records, Instant dueAt,
		String owner, Instant leaseUntil, long version, int attempts, String lastError, Instant createdAt) {

	/** Name of the collection. */
	public static final String COLLECTION = "emails";

	/** The lease of an email nobody holds. */
	public static final Instant FREE = Instant.EPOCH;

	/**
	 * A new email, held by nobody.
	 * @param id its id
	 * @param subscriberId the recipient
	 * @param kind its kind
	 * @param records its records
	 * @param dueAt when it is due
	 * @param now when it is scheduled
	 * @return the email
	 */
	public static PendingEmail of(String id, String subscriberId, EmailKind kind, List<String> records, Instant dueAt,
			Instant now) {
		return new PendingEmail(id, subscriberId, kind, List.copyOf(records), dueAt, null, FREE, 0, 0, null, now);
	}

	/**
	 * Whether a sender holds it at a moment.
	 * @param now the moment
	 * @return whether its lease runs
	 */
	public boolean isHeld(Instant now) {
		return this.leaseUntil != null && this.leaseUntil.isAfter(now);
	}

}
