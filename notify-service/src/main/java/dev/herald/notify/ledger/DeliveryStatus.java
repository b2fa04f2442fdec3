package dev.herald.notify.ledger;

/**
 * Where one record's delivery to one subscriber stands.
 */
public enum DeliveryStatus {

	/** Matched and waiting in the outbox, for its email's due time or for a sender. */
	SCHEDULED,

	/** Accepted by the SMTP server; never sent again. */
	SENT,

	/** Refused for good by the recipient's mail server. */
	FAILED,

	/** Not sent: the subscriber left, or no longer follows what matched. */
	SKIPPED

}
