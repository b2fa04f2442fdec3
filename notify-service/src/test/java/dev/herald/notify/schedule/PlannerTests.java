package dev.herald.notify.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerTests {

	private static final String SUBSCRIBER = "s-1";

	private static final String RECORD = "r-1";

	private static final Schedule MOSCOW_QUIET_NIGHTS = new Schedule(Frequency.IMMEDIATE, "08:00", DayOfWeek.MONDAY,
			"Europe/Moscow", "22:00", "07:00");

	@Test
	void immediateAlertShouldGoAtOnce() {
		Instant now = Instant.parse("2026-12-01T10:15:00Z");
		assertThat(Planner.plan(SUBSCRIBER, RECORD, Schedule.immediate(), now, false))
			.isEqualTo(new Slot("alert:r-1:s-1", EmailKind.ALERT, now));
	}

	@Test
	void alertDuringQuietHoursShouldWaitForTheirEndInTheSubscribersZone() {
		// 23:30 and 03:00 in Moscow (UTC+3) fall in the same quiet night: one email at
		// 07:00.
		Slot evening = plan(MOSCOW_QUIET_NIGHTS, "2026-12-01T20:30:00Z");
		Slot night = plan(MOSCOW_QUIET_NIGHTS, "2026-12-02T00:00:00Z");
		assertThat(evening)
			.isEqualTo(new Slot("quiet:s-1:2026-12-02T07:00", EmailKind.QUIET, Instant.parse("2026-12-02T04:00:00Z")));
		assertThat(night).isEqualTo(evening);
		assertThat(plan(MOSCOW_QUIET_NIGHTS, "2026-12-02T04:00:00Z").kind()).isEqualTo(EmailKind.ALERT);
		assertThat(plan(MOSCOW_QUIET_NIGHTS, "2026-12-02T18:59:59Z").kind()).isEqualTo(EmailKind.ALERT);
	}

	@Test
	void quietHoursWithinOneDayShouldHoldOnlyWithinThem() {
		Schedule lunch = new Schedule(Frequency.IMMEDIATE, null, null, "UTC", "12:00", "14:00");
		assertThat(plan(lunch, "2026-12-01T11:59:00Z").kind()).isEqualTo(EmailKind.ALERT);
		assertThat(plan(lunch, "2026-12-01T12:00:00Z").dueAt()).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
		assertThat(plan(lunch, "2026-12-01T14:00:00Z").kind()).isEqualTo(EmailKind.ALERT);
	}

	@Test
	void alertBeyondTheBurstLimitShouldGoAtTheEndOfTheHour() {
		Slot burst = Planner.plan(SUBSCRIBER, RECORD, Schedule.immediate(), Instant.parse("2026-12-01T10:15:00Z"),
				true);
		assertThat(burst).isEqualTo(
				new Slot("burst:s-1:2026-12-01T10:00:00Z", EmailKind.BURST, Instant.parse("2026-12-01T11:00:00Z")));
		assertThat(Planner.plan(SUBSCRIBER, "r-2", Schedule.immediate(), Instant.parse("2026-12-01T10:59:59Z"), true))
			.isEqualTo(burst);
	}

	@Test
	void dailyDigestShouldGoAtTheDeliveryTimeOfTheNextDayItHasNotGoneYet() {
		Schedule daily = new Schedule(Frequency.DAILY, "08:00", null, "Europe/Moscow", null, null);
		assertThat(plan(daily, "2026-12-01T04:59:59Z"))
			.isEqualTo(new Slot("daily:s-1:2026-12-01", EmailKind.DAILY, Instant.parse("2026-12-01T05:00:00Z")));
		assertThat(plan(daily, "2026-12-01T05:00:00Z"))
			.isEqualTo(new Slot("daily:s-1:2026-12-02", EmailKind.DAILY, Instant.parse("2026-12-02T05:00:00Z")));
	}

	@Test
	void weeklyDigestShouldGoOnItsDay() {
		Schedule fridays = new Schedule(Frequency.WEEKLY, "07:30", DayOfWeek.FRIDAY, "UTC", null, null);
		// 2 December 2026 is a Wednesday.
		assertThat(plan(fridays, "2026-12-02T12:00:00Z"))
			.isEqualTo(new Slot("weekly:s-1:2026-12-04", EmailKind.WEEKLY, Instant.parse("2026-12-04T07:30:00Z")));
		assertThat(plan(fridays, "2026-12-04T07:29:00Z").emailId()).isEqualTo("weekly:s-1:2026-12-04");
		assertThat(plan(fridays, "2026-12-04T07:30:00Z").emailId()).isEqualTo("weekly:s-1:2026-12-11");
	}

	@Test
	void deliveryTimeSkippedBySpringForwardShouldGoRightAfterTheJumpOnce() {
		// London, 28 March 2027: 01:00 GMT jumps to 02:00 BST; 01:30 does not exist.
		Schedule daily = new Schedule(Frequency.DAILY, "01:30", null, "Europe/London", null, null);
		Slot onTheDay = plan(daily, "2027-03-27T02:00:00Z");
		assertThat(onTheDay)
			.isEqualTo(new Slot("daily:s-1:2027-03-28", EmailKind.DAILY, Instant.parse("2027-03-28T01:30:00Z")));
		assertThat(ZonedDateTime.ofInstant(onTheDay.dueAt(), ZoneId.of("Europe/London")).toLocalTime())
			.hasToString("02:30");
		assertEveryDayOnce(daily, Instant.parse("2027-03-20T00:00:00Z"), 16);
	}

	@Test
	void deliveryTimeRepeatedByFallBackShouldGoAtItsFirstOccurrenceOnce() {
		// London, 25 October 2026: 02:00 BST falls back to 01:00 GMT; 01:30 occurs twice.
		Schedule daily = new Schedule(Frequency.DAILY, "01:30", null, "Europe/London", null, null);
		Slot onTheDay = plan(daily, "2026-10-24T12:00:00Z");
		assertThat(onTheDay)
			.isEqualTo(new Slot("daily:s-1:2026-10-25", EmailKind.DAILY, Instant.parse("2026-10-25T00:30:00Z")));
		// Between the two 01:30s, the digest of the day has gone: the next one is
		// tomorrow's.
		assertThat(plan(daily, "2026-10-25T01:00:00Z").emailId()).isEqualTo("daily:s-1:2026-10-26");
		assertEveryDayOnce(daily, Instant.parse("2026-10-18T00:00:00Z"), 16);
	}

	@Test
	void weeklyDigestAcrossDaylightSavingChangesShouldKeepItsLocalTime() {
		Schedule sundays = new Schedule(Frequency.WEEKLY, "09:00", DayOfWeek.SUNDAY, "America/New_York", null, null);
		// 8 March 2026: New York springs forward (UTC-5 to UTC-4).
		assertThat(plan(sundays, "2026-03-02T12:00:00Z").dueAt()).isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
		assertThat(plan(sundays, "2026-03-08T13:00:00Z").dueAt()).isEqualTo(Instant.parse("2026-03-15T13:00:00Z"));
		assertThat(plan(sundays, "2026-02-28T12:00:00Z").dueAt()).isEqualTo(Instant.parse("2026-03-01T14:00:00Z"));
	}

	@Test
	void afterShouldGiveTheNextDigestOrALaterEmailOfTheSameKind() {
		Schedule daily = new Schedule(Frequency.DAILY, "08:00", null, "UTC", null, null);
		Slot today = plan(daily, "2026-12-01T07:00:00Z");
		assertThat(Planner.after(SUBSCRIBER, daily, today))
			.isEqualTo(new Slot("daily:s-1:2026-12-02", EmailKind.DAILY, Instant.parse("2026-12-02T08:00:00Z")));
		Slot quiet = plan(MOSCOW_QUIET_NIGHTS, "2026-12-01T20:30:00Z");
		assertThat(Planner.after(SUBSCRIBER, MOSCOW_QUIET_NIGHTS, quiet))
			.isEqualTo(new Slot("late-" + quiet.emailId(), EmailKind.QUIET, quiet.dueAt()));
	}

	@Test
	void placeShouldKeepADigestThatStillFitsAtItsDeliveryTimeNow() {
		Schedule eight = new Schedule(Frequency.DAILY, "08:00", null, "UTC", null, null);
		Slot digest = plan(eight, "2026-12-01T07:00:00Z");
		Instant now = Instant.parse("2026-12-01T08:00:01Z");
		assertThat(Planner.place(SUBSCRIBER, digest, eight, now)).isEqualTo(digest);
		Schedule nine = new Schedule(Frequency.DAILY, "09:00", null, "UTC", null, null);
		assertThat(Planner.place(SUBSCRIBER, digest, nine, Instant.parse("2026-12-01T07:30:00Z")))
			.isEqualTo(new Slot(digest.emailId(), EmailKind.DAILY, Instant.parse("2026-12-01T09:00:00Z")));
	}

	@Test
	void placeShouldMoveWhatWaitsWhenTheFrequencyChanged() {
		Instant now = Instant.parse("2026-12-01T10:00:00Z");
		Slot digest = plan(new Schedule(Frequency.DAILY, "08:00", null, "UTC", null, null), "2026-12-01T09:00:00Z");
		assertThat(Planner.place(SUBSCRIBER, digest, Schedule.immediate(), now))
			.isEqualTo(new Slot("now-daily:s-1:2026-12-02", EmailKind.QUIET, now));
		Schedule weekly = new Schedule(Frequency.WEEKLY, "08:00", DayOfWeek.FRIDAY, "UTC", null, null);
		assertThat(Planner.place(SUBSCRIBER, digest, weekly, now).emailId()).isEqualTo("weekly:s-1:2026-12-04");
		Slot alert = Planner.plan(SUBSCRIBER, RECORD, Schedule.immediate(), now, false);
		assertThat(Planner.place(SUBSCRIBER, alert, weekly, now).emailId()).isEqualTo("weekly:s-1:2026-12-04");
	}

	@Test
	void placeShouldHoldAlertsWhenQuietHoursNowCoverThemAndReleaseThemWhenTheyNoLongerDo() {
		Instant night = Instant.parse("2026-12-01T20:30:00Z");
		Slot alert = Planner.plan(SUBSCRIBER, RECORD, Schedule.immediate(), night, false);
		Slot held = Planner.place(SUBSCRIBER, alert, MOSCOW_QUIET_NIGHTS, night);
		assertThat(held.kind()).isEqualTo(EmailKind.QUIET);
		assertThat(Planner.place(SUBSCRIBER, held, MOSCOW_QUIET_NIGHTS, night)).isEqualTo(held);
		assertThat(Planner.place(SUBSCRIBER, held, Schedule.immediate(), night))
			.isEqualTo(new Slot(held.emailId(), EmailKind.QUIET, night));
	}

	private static Slot plan(Schedule schedule, String now) {
		return Planner.plan(SUBSCRIBER, RECORD, schedule, Instant.parse(now), false);
	}

	/**
	 * Planning every 10 minutes for some days, and sending each digest when due, gives
	 * one digest per local date, none skipped, each at a later instant than the one
	 * before.
	 */
	private static void assertEveryDayOnce(Schedule schedule, Instant from, int days) {
		Map<String, Instant> digests = new LinkedHashMap<>();
		for (Instant now = from; now.isBefore(from.plus(Duration.ofDays(days))); now = now.plusSeconds(600)) {
			Slot slot = Planner.plan(SUBSCRIBER, RECORD, schedule, now, false);
			assertThat(slot.dueAt()).isAfter(now);
			Instant earlier = digests.putIfAbsent(slot.emailId(), slot.dueAt());
			assertThat(earlier).as(slot.emailId()).isIn(null, slot.dueAt());
		}
		List<LocalDate> dates = new ArrayList<>();
		digests.keySet().forEach((id) -> dates.add(LocalDate.parse(id.substring(id.lastIndexOf(':') + 1))));
		for (int i = 1; i < dates.size(); i++) {
			assertThat(dates.get(i)).isEqualTo(dates.get(i - 1).plusDays(1));
		}
		assertThat(dates).hasSizeGreaterThanOrEqualTo(days);
		assertThat(new ArrayList<>(digests.values())).isSorted();
	}

}
