package dev.herald.notify.subscription;

/**
 * How often a subscriber gets alerts. Only immediate alerts exist for now; digests will
 * add values.
 */
public enum Frequency {

	/** One email per matching record, as it is published. */
	IMMEDIATE

}
