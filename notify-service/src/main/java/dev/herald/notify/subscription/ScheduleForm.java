package dev.herald.notify.subscription;

import java.time.ZoneId;
import java.util.List;

import dev.herald.notify.schedule.Schedule;

/**
 * The schedule fields of the subscribe and manage forms, as posted (and shown again with
 * the errors when they are invalid). Quiet hours are on when both of their times are
 * given.
 *
 * @param frequency {@code IMMEDIATE}, {@code DAILY} or {@code WEEKLY}
 * @param deliveryTime {@code HH:mm}
 * @param dayOfWeek such as {@code MONDAY}
 * @param timeZone an IANA time zone, filled in by the page from the browser's when it can
 * @param quietFrom start of quiet hours, or empty
 * @param quietTo end of quiet hours, or empty
 */
record ScheduleForm(String frequency, String deliveryTime, String dayOfWeek, String timeZone, String quietFrom,
		String quietTo) {

	static final ScheduleForm DEFAULT = of(Schedule.immediate());

	/** The time zones offered, sorted. */
	static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

	static ScheduleForm of(Schedule schedule) {
		return new ScheduleForm(schedule.frequency().name(), schedule.deliveryTime().toString(),
				schedule.deliveryDay().name(), schedule.zoneId().getId(), schedule.quietFrom(), schedule.quietTo());
	}

	ScheduleInput input() {
		QuietHoursInput quiet = (blank(this.quietFrom) && blank(this.quietTo)) ? null
				: new QuietHoursInput(this.quietFrom, this.quietTo);
		return new ScheduleInput(this.frequency, this.deliveryTime, this.dayOfWeek, this.timeZone, quiet);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
