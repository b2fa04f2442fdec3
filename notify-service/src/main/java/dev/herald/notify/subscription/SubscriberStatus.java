package dev.herald.notify.subscription;

/**
 * Where a subscriber stands; only {@code ACTIVE} subscribers receive alerts.
 */
public enum SubscriberStatus {

	/** Subscribed, waiting for the confirmation link to be followed. */
	PENDING,

	/** Confirmed; receives alerts. */
	ACTIVE,

	/** Left through an unsubscribe link. */
	UNSUBSCRIBED,

	/** Stopped after repeated permanent delivery failures. */
	SUPPRESSED

}
