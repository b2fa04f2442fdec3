package dev.herald.notify.schedule;

/**
 * Why an email goes when it goes, which also decides how it looks.
 */
public enum EmailKind {

	/** An immediate alert: one record. */
	ALERT,

	/** Immediate alerts held during quiet hours, sent when they end. */
	QUIET,

	/** Immediate alerts beyond the hourly limit, sent at the end of the hour. */
	BURST,

	/** The daily digest. */
	DAILY,

	/** The weekly digest. */
	WEEKLY;

	/**
	 * Whether an email of this kind with the given number of records is a digest; held
	 * alerts that turn out to be one are sent as the alert they are.
	 * @param records the records it carries
	 * @return whether it is written as a digest
	 */
	public boolean isDigest(int records) {
		return switch (this) {
			case ALERT -> false;
			case QUIET, BURST -> records > 1;
			case DAILY, WEEKLY -> true;
		};
	}

}
