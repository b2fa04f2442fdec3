package dev.herald.notify.sending;

import java.util.List;

import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.PendingEmail;
import dev.herald.notify.subscription.Subscriber;

/**
 * An email ready to go: the claimed outbox entry, its recipient, the records it carries
 * now and its message, being written.
 *
 * @param email the email as its sender last changed it
 * @param subscriber the recipient
 * @param records the records in the message
 * @param message the message, written while the emails before it are sent
 * @param traceParents the W3C trace context of each record's match, which the send
 * continues
 */
record Outgoing(PendingEmail email, Subscriber subscriber, List<String> records, Draft message,
		List<String> traceParents) {

	/**
	 * The ledger entries of the records in the message.
	 * @return their ids
	 */
	List<String> entryIds() {
		return this.records.stream().map((record) -> Delivery.idOf(record, this.subscriber.id())).toList();
	}

	/**
	 * The same email after a change by its sender.
	 * @param changed the email as it now stands
	 * @return the outgoing email
	 */
	Outgoing with(PendingEmail changed) {
		return new Outgoing(changed, this.subscriber, this.records, this.message, this.traceParents);
	}

}
