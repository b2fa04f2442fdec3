package dev.herald.notify.ledger;

import java.time.Instant;

import dev.herald.notify.schedule.EmailKind;
import dev.herald.notify.schedule.Slot;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One ledger entry: a record matched to a subscriber, in the {@code deliveries}
 * collection. Its id, unique, is what keeps alerts single: the same record matched again
 * creates nothing.
 *
 * @param id {@code recordId:subscriberId}
 * @param recordId the record
 * @param subscriberId the subscriber
 * @param status where it stands
 * @param emailId the email that carries it (in the outbox while it is scheduled)
 * @param emailKind the kind of that email
 * @param dueAt when that email is due
 * @param lastError the server's reply or the reason of a failure or a skip
 * @param createdAt when it was matched
 * @param updatedAt last change
 * @param sentAt when the SMTP server accepted its email
 * @param search the saved search that matched the record, or {@code null} when one of the
 * subscriber's topics did
 */
@Document(Delivery.COLLECTION)
public record Delivery(@Id String id, String recordId, String subscriberId, DeliveryStatus status, String emailId,
		EmailKind emailKind, Instant dueAt, String lastError, Instant createdAt, Instant updatedAt, Instant sentAt,
		String search) {

	/** Name of the collection. */
	public static final String COLLECTION = "deliveries";

	/**
	 * A new scheduled entry.
	 * @param recordId the record
	 * @param subscriberId the subscriber
	 * @param slot the email that will carry it
	 * @param now the time of matching
	 * @return the entry
	 */
	public static Delivery scheduled(String recordId, String subscriberId, Slot slot, Instant now) {
		return new Delivery(idOf(recordId, subscriberId), recordId, subscriberId, DeliveryStatus.SCHEDULED,
				slot.emailId(), slot.kind(), slot.dueAt(), null, now, now, null, null);
	}

	/**
	 * This entry, matched by a saved search.
	 * @param search the search's query
	 * @return the entry
	 */
	public Delivery withSearch(String search) {
		return new Delivery(this.id, this.recordId, this.subscriberId, this.status, this.emailId, this.emailKind,
				this.dueAt, this.lastError, this.createdAt, this.updatedAt, this.sentAt, search);
	}

	/**
	 * The email that carries this entry.
	 * @return the slot
	 */
	public Slot slot() {
		return new Slot(this.emailId, this.emailKind, this.dueAt);
	}

	/**
	 * The id of the entry of a record and a subscriber.
	 * @param recordId the record
	 * @param subscriberId the subscriber
	 * @return {@code recordId:subscriberId}
	 */
	public static String idOf(String recordId, String subscriberId) {
		return recordId + ":" + subscriberId;
	}

}
