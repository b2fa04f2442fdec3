package dev.herald.notify.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which email carries a record to a subscriber, and when: at once, at the end of
 * quiet hours, at the end of the hour (UTC) past the burst limit, or in the next daily or
 * weekly digest.
 * <p>
 * A digest is named after the local date it goes out on, not after an instant, so that a
 * change of daylight-saving time can neither send a day's digest twice nor skip it: a
 * delivery time that does not exist that day (the clocks jump over it) goes at the first
 * moment after the jump, and one that exists twice goes at the first.
 */
public final class Planner {

	private Planner() {
	}

	/**
	 * The email that carries a record matched now.
	 * @param subscriberId the subscriber
	 * @param recordId the record
	 * @param schedule the subscriber's schedule
	 * @param now when it matched
	 * @param overBurstLimit whether the subscriber had more immediate alerts this hour
	 * than the burst limit allows
	 * @return the email and when it is due
	 */
	public static Slot plan(String subscriberId, String recordId, Schedule schedule, Instant now,
			boolean overBurstLimit) {
		ZonedDateTime local = now.atZone(schedule.zoneId());
		return switch (schedule.frequency()) {
			case IMMEDIATE -> immediate(subscriberId, recordId, schedule, local, overBurstLimit);
			case DAILY -> digest(subscriberId, EmailKind.DAILY, nextDay(local, schedule), schedule);
			case WEEKLY -> digest(subscriberId, EmailKind.WEEKLY, nextWeekDay(local, schedule), schedule);
		};
	}

	/**
	 * The email that takes records too late for one already being sent: the next digest
	 * of a digest, or, for alerts held during quiet hours or a burst, an email of the
	 * same kind due at the same time, sent right after.
	 * @param subscriberId the subscriber
	 * @param schedule the subscriber's schedule
	 * @param taken the slot being sent
	 * @return the next slot
	 */
	public static Slot after(String subscriberId, Schedule schedule, Slot taken) {
		return switch (taken.kind()) {
			case DAILY -> digest(subscriberId, EmailKind.DAILY,
					nextDay(taken.dueAt().plusMillis(1).atZone(schedule.zoneId()), schedule), schedule);
			case WEEKLY -> digest(subscriberId, EmailKind.WEEKLY,
					nextWeekDay(taken.dueAt().plusMillis(1).atZone(schedule.zoneId()), schedule), schedule);
			default -> new Slot("late-" + taken.emailId(), taken.kind(), taken.dueAt());
		};
	}

	/**
	 * Where an email that a sender is about to send belongs under the subscriber's
	 * schedule as it stands now, which may have changed since its records were scheduled:
	 * the email itself when its kind still fits (due later, after a change of delivery
	 * time or of quiet hours), or another email when the frequency changed (what was
	 * waiting for a digest goes out now, and waiting alerts join the next digest).
	 * @param subscriberId the subscriber
	 * @param email the email, as it was scheduled
	 * @param schedule the subscriber's schedule now
	 * @param now the current time
	 * @return the email itself, possibly with another due time, or the email its records
	 * move to
	 */
	public static Slot place(String subscriberId, Slot email, Schedule schedule, Instant now) {
		ZonedDateTime local = now.atZone(schedule.zoneId());
		boolean digest = email.kind() == EmailKind.DAILY || email.kind() == EmailKind.WEEKLY;
		if (digest && schedule.frequency() == frequencyOf(email.kind())) {
			LocalDate period = LocalDate.parse(email.emailId().substring(email.emailId().lastIndexOf(':') + 1));
			return new Slot(email.emailId(), email.kind(), at(period, schedule).toInstant());
		}
		if (schedule.frequency() != Frequency.IMMEDIATE) {
			return plan(subscriberId, null, schedule, now, false);
		}
		Optional<QuietHours> quiet = schedule.quietHours().filter((hours) -> hours.contains(local.toLocalTime()));
		if (quiet.isPresent()) {
			return quiet(subscriberId, quiet.get(), local);
		}
		return digest ? new Slot("now-" + email.emailId(), EmailKind.QUIET, now)
				: new Slot(email.emailId(), email.kind(), now);
	}

	private static Frequency frequencyOf(EmailKind digest) {
		return (digest == EmailKind.DAILY) ? Frequency.DAILY : Frequency.WEEKLY;
	}

	private static Slot quiet(String subscriberId, QuietHours quiet, ZonedDateTime local) {
		ZonedDateTime end = quiet.end(local);
		return new Slot("quiet:" + subscriberId + ":" + end.toLocalDateTime(), EmailKind.QUIET, end.toInstant());
	}

	private static Slot immediate(String subscriberId, String recordId, Schedule schedule, ZonedDateTime local,
			boolean overBurstLimit) {
		Optional<QuietHours> quiet = schedule.quietHours().filter((hours) -> hours.contains(local.toLocalTime()));
		if (quiet.isPresent()) {
			return quiet(subscriberId, quiet.get(), local);
		}
		if (overBurstLimit) {
			Instant hour = local.toInstant().truncatedTo(ChronoUnit.HOURS);
			return new Slot("burst:" + subscriberId + ":" + hour, EmailKind.BURST, hour.plus(1, ChronoUnit.HOURS));
		}
		return new Slot(alertId(recordId, subscriberId), EmailKind.ALERT, local.toInstant());
	}

	/**
	 * The id of the immediate alert of a record to a subscriber.
	 * @param recordId the record
	 * @param subscriberId the subscriber
	 * @return the email id
	 */
	public static String alertId(String recordId, String subscriberId) {
		return "alert:" + recordId + ":" + subscriberId;
	}

	private static LocalDate nextDay(ZonedDateTime local, Schedule schedule) {
		LocalDate today = local.toLocalDate();
		return at(today, schedule).isAfter(local) ? today : today.plusDays(1);
	}

	private static LocalDate nextWeekDay(ZonedDateTime local, Schedule schedule) {
		DayOfWeek day = schedule.deliveryDay();
		LocalDate candidate = local.toLocalDate().with(TemporalAdjusters.nextOrSame(day));
		return at(candidate, schedule).isAfter(local) ? candidate : candidate.plusWeeks(1);
	}

	private static Slot digest(String subscriberId, EmailKind kind, LocalDate date, Schedule schedule) {
		return new Slot(kind.name().toLowerCase(Locale.ROOT) + ":" + subscriberId + ":" + date, kind,
				at(date, schedule).toInstant());
	}

	// ZonedDateTime.of moves a time in a gap forward by the gap and takes the earlier
	// offset of a time that occurs twice.
	private static ZonedDateTime at(LocalDate date, Schedule schedule) {
		return ZonedDateTime.of(date, schedule.deliveryTime(), schedule.zoneId());
	}

}
