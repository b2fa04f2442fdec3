package dev.herald.notify.schedule;

/**
 * How often a subscriber gets emails.
 */
public enum Frequency {

	/**
	 * One email per matching record, as it is published (quiet hours and bursts aside).
	 */
	IMMEDIATE,

	/** One digest a day at the delivery time, when something new matched. */
	DAILY,

	/**
	 * One digest a week on the delivery day, at the delivery time, when something new
	 * matched.
	 */
	WEEKLY

}
