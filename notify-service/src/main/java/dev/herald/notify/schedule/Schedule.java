package dev.herald.notify.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When a subscriber wants emails: as things happen or in a daily or weekly digest, at a
 * time of day in a time zone, and, for immediate alerts, outside optional quiet hours.
 * Stored with the subscriber as text, so that it reads the same in every language.
 *
 * @param frequency immediate, daily or weekly
 * @param time delivery time of digests, {@code HH:mm}
 * @param day delivery day of weekly digests
 * @param zone IANA time zone of the delivery time and the quiet hours
 * @param quietFrom start of quiet hours, {@code HH:mm}, or {@code null} for none
 * @param quietTo end of quiet hours, {@code HH:mm}, or {@code null} for none
 */
public record Schedule(Frequency frequency, String time, DayOfWeek day, String zone, String quietFrom, String quietTo) {

	/** The delivery time when none is chosen. */
	public static final LocalTime DEFAULT_TIME = LocalTime.of(8, 0);

	/** The delivery day of weekly digests when none is chosen. */
	public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;

	/**
	 * Immediate alerts at any hour, digests (if chosen later) at 08:00 UTC.
	 * @return the default schedule
	 */
	public static Schedule immediate() {
		return new Schedule(Frequency.IMMEDIATE, DEFAULT_TIME.toString(), DEFAULT_DAY, "UTC", null, null);
	}

	/**
	 * The schedule of a subscriber stored before schedules existed: immediate.
	 * @param schedule the stored schedule, possibly {@code null}
	 * @return it, or the default
	 */
	public static Schedule orDefault(Schedule schedule) {
		return (schedule != null) ? schedule : immediate();
	}

	public LocalTime deliveryTime() {
		return (this.time != null) ? LocalTime.parse(this.time) : DEFAULT_TIME;
	}

	public DayOfWeek deliveryDay() {
		return (this.day != null) ? this.day : DEFAULT_DAY;
	}

	public ZoneId zoneId() {
		return (this.zone != null) ? ZoneId.of(this.zone) : ZoneOffset.UTC;
	}

	public Optional<QuietHours> quietHours() {
		if (this.quietFrom == null || this.quietTo == null) {
			return Optional.empty();
		}
		return Optional.of(new QuietHours(LocalTime.parse(this.quietFrom), LocalTime.parse(this.quietTo)));
	}

}
