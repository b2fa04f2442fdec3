package dev.herald.notify.subscription;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.herald.notify.schedule.Frequency;
import dev.herald.notify.schedule.Schedule;

/**
 * Checks the schedule fields of a request, each on its own, and builds the schedule.
 */
final class ScheduleValidator {

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private ScheduleValidator() {
	}

	/**
	 * The schedule a request asks for.
	 * @param input the fields as given
	 * @param errors where the fields' problems go
	 * @return the schedule, or {@code null} when a field is invalid
	 */
	static Schedule validate(ScheduleInput input, Map<String, String> errors) {
		int before = errors.size();
		Frequency frequency = frequency(input.frequency(), errors);
		String time = time("deliveryTime", input.deliveryTime(), Schedule.DEFAULT_TIME.toString(), errors);
		DayOfWeek day = day(input.dayOfWeek(), errors);
		String zone = zone(input.timeZone(), errors);
		String quietFrom = null;
		String quietTo = null;
		QuietHoursInput quiet = input.quietHours();
		if (quiet != null && (quiet.from() != null || quiet.to() != null)) {
			quietFrom = time("quietHours.from", quiet.from(), null, errors);
			quietTo = time("quietHours.to", quiet.to(), null, errors);
			if (quietFrom == null && !errors.containsKey("quietHours.from")) {
				errors.put("quietHours.from", "is required with quietHours.to");
			}
			if (quietTo == null && !errors.containsKey("quietHours.to")) {
				errors.put("quietHours.to", "is required with quietHours.from");
			}
			if (quietFrom != null && quietFrom.equals(quietTo)) {
				errors.put("quietHours", "must not be empty: from and to must differ");
			}
		}
		return (errors.size() > before) ? null : new Schedule(frequency, time, day, zone, quietFrom, quietTo);
	}

	private static Frequency frequency(String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return Frequency.IMMEDIATE;
		}
		try {
			return Frequency.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.put("frequency", "must be IMMEDIATE, DAILY or WEEKLY");
			return null;
		}
	}

	private static String time(String field, String value, String absent, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		if (value.length() > 5 || !TIME.matcher(value).matches()) {
			errors.put(field, "must be a time of day as HH:mm, from 00:00 to 23:59");
			return null;
		}
		return value;
	}

	private static DayOfWeek day(String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return Schedule.DEFAULT_DAY;
		}
		try {
			return DayOfWeek.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.put("dayOfWeek", "must be a day of the week, such as MONDAY");
			return null;
		}
	}

	private static String zone(String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return "UTC";
		}
		if (value.length() > 64 || !ZONES.contains(value)) {
			errors.put("timeZone", "must be an IANA time zone, such as Europe/Moscow or UTC");
			return null;
		}
		return value;
	}

}
