package dev.herald.notify.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One ledger entry: the alert of one record to one subscriber, in the {@code deliveries}
 * collection, unique on (record, subscriber).
 *
 * @param id {@code recordId:subscriberId}
 * @param recordId the record
 * @param subscriberId the subscriber
 * @param status where it stands
 * @param messageId the deterministic Message-ID of the email
 * @param attempts sends tried
 * @param lastError the server's reply or the error of the last failed try
 * @param createdAt when it was matched
 * @param updatedAt last change
 * @param handedOffAt when it was last handed to the senders
 * @param sentAt when the SMTP server accepted it
 */
@Document(Delivery.COLLECTION)
public record Delivery(@Id String id, String recordId, String subscriberId, DeliveryStatus status, String messageId,
		int attempts, String lastError, Instant createdAt, Instant updatedAt, Instant handedOffAt, Instant sentAt) {

	/** Name of the collection. */
	public static final String COLLECTION = "deliveries";

	/**
	 * A new pending entry.
	 * @param recordId the record
	 * @param subscriberId the subscriber
	 * @param messageId the Message-ID its email will carry
	 * @param now the time of matching
	 * @return the entry
	 */
	public static Delivery pending(String recordId, String subscriberId, String messageId, Instant now) {
		return new Delivery(idOf(recordId, subscriberId), recordId, subscriberId, DeliveryStatus.PENDING, messageId, 0,
				null, now, now, null, null);
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
