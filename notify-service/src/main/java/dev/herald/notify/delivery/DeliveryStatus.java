package dev.herald.notify.delivery;

/**
 * Where one alert stands.
 */
public enum DeliveryStatus {

	/** Matched, not yet sent (possibly retrying). */
	PENDING,

	/** Accepted by the SMTP server; never sent again. */
	SENT,

	/** Refused for good, or retries exhausted. */
	FAILED,

	/** Not sent: the subscriber left or no longer follows the record's topics. */
	SKIPPED

}
