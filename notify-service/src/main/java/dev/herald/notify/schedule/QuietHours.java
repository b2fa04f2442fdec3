package dev.herald.notify.schedule;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Hours of the day without immediate alerts, in the subscriber's time zone: from
 * {@code from} (included) to {@code to} (excluded), across midnight when {@code to} comes
 * first. Never empty.
 *
 * @param from when they begin
 * @param to when they end
 */
public record QuietHours(LocalTime from, LocalTime to) {

	public QuietHours {
		if (from.equals(to)) {
			throw new IllegalArgumentException("Quiet hours must not be empty");
		}
	}

	/**
	 * Whether a time of day falls within the quiet hours.
	 * @param time a local time
	 * @return whether alerts are held then
	 */
	public boolean contains(LocalTime time) {
		return this.from.isBefore(this.to) ? !time.isBefore(this.from) && time.isBefore(this.to)
				: !time.isBefore(this.from) || time.isBefore(this.to);
	}

	/**
	 * When the quiet hours that contain a moment end.
	 * @param now a moment within them, in the subscriber's zone
	 * @return the first moment after it at {@code to}
	 */
	public ZonedDateTime end(ZonedDateTime now) {
		ZonedDateTime end = ZonedDateTime.of(now.toLocalDate(), this.to, now.getZone());
		return end.isAfter(now) ? end : ZonedDateTime.of(now.toLocalDate().plusDays(1), this.to, now.getZone());
	}

}
