package dev.herald.notify;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.token.SubscriberLinks;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscribers get what their schedule says, on the real broker, MongoDB-protocol server
 * and SMTP server: immediate alerts at once, one daily or weekly digest per period (none
 * when nothing is new, exactly one across a change of daylight-saving time), alerts held
 * by quiet hours or rolled up past the burst limit, and a change of frequency applied to
 * what waits. The service's clock is moved forward to each moment that matters.
 */
@NotifyIntegrationTest
class ScheduleIntegrationTests extends NotifyScenarioSupport {

	private static final String ADMIN_KEY = "dev-admin-key-change-me";

	/** How long a test watches for an email that must not come. */
	private static final Duration NOTHING_MORE = Duration.ofSeconds(2);

	@Autowired
	private TestClock clock;

	@Autowired
	private DeliveryLedger ledger;

	@Autowired
	private SubscriberLinks links;

	private String topic;

	@BeforeEach
	void newTopic() {
		this.topic = "schedule-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void immediateDailyAndWeeklySubscribersShouldEachGetWhatTheirScheduleSays() {
		Instant start = startOfNextHour();
		LocalTime time = LocalTime.ofInstant(start.plus(2, ChronoUnit.HOURS), ZoneOffset.UTC);
		DayOfWeek day = start.plus(3, ChronoUnit.DAYS).atZone(ZoneOffset.UTC).getDayOfWeek();
		String immediate = Subscribers.newAddress("immediate");
		String daily = Subscribers.newAddress("daily");
		String weekly = Subscribers.newAddress("weekly");
		this.subscribers.subscribeAndConfirm(immediate, this.topic);
		Subscriber dailySubscriber = this.subscribers.subscribeAndConfirm(daily,
				Map.of("frequency", "DAILY", "deliveryTime", time.toString(), "timeZone", "UTC"), this.topic);
		this.subscribers.subscribeAndConfirm(weekly, Map.of("frequency", "WEEKLY", "deliveryTime", time.toString(),
				"dayOfWeek", day.name(), "timeZone", "UTC"), this.topic);
		TestRecords first = TestRecords.meeting(this.topic).with("occurredOn", "2024-01-10");
		TestRecords second = TestRecords.meeting(this.topic).with("occurredOn", "2024-02-20");
		this.records.awaitConsumed(this.records.publish(first), this.records.publish(second));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(immediate).size() == 3);
		assertThat(this.mailbox.to(immediate, first.title())).hasSize(1);
		assertThat(this.mailbox.to(immediate, second.title())).hasSize(1);
		assertNothingMore(daily, 1);
		assertNothingMore(weekly, 1);
		assertThat(this.ledger.findById(Delivery.idOf(first.id(), dailySubscriber.id())).dueAt())
			.isEqualTo(nextAt(start, time, null));

		this.clock.advanceTo(nextAt(start, time, null).plusSeconds(1));
		MimeMessage digest = awaitEmails(daily, 2).get(1);
		assertThat(Mailbox.subjectOf(digest)).isEqualTo("[Herald] Your daily digest: 2 new records");
		String text = Mailbox.part(digest, "text/plain");
		assertThat(text).contains(first.title(), second.title(), "https://catalog.herald.test/records/" + first.id());
		assertThat(text.indexOf(second.title())).as("newest first").isLessThan(text.indexOf(first.title()));
		assertThat(Mailbox.header(digest, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(Mailbox.header(digest, "List-Unsubscribe")).contains("https://notify.herald.test/");
		assertThat(Mailbox.header(digest, "Message-ID")).matches("<[0-9a-f]{64}@herald.localhost>");
		assertThat(this.ledger.findById(Delivery.idOf(first.id(), dailySubscriber.id())).status())
			.isEqualTo(DeliveryStatus.SENT);
		assertNothingMore(weekly, 1);

		// A day with nothing new brings no digest.
		this.clock.advanceTo(nextAt(start, time, null).plus(Duration.ofDays(1)).plusSeconds(1));
		assertNothingMore(daily, 2);

		this.clock.advanceTo(nextAt(start, time, day).plusSeconds(1));
		MimeMessage weeklyDigest = awaitEmails(weekly, 2).get(1);
		assertThat(Mailbox.subjectOf(weeklyDigest)).isEqualTo("[Herald] Your weekly digest: 2 new records");
		assertThat(Mailbox.part(weeklyDigest, "text/html")).contains(first.title(), second.title());
		assertNothingMore(daily, 2);
		assertThat(this.mailbox.to(immediate)).hasSize(3);
	}

	@Test
	void quietHoursShouldHoldAlertsAndSendThemAsOneEmailWhenTheyEnd() {
		Instant start = startOfNextHour();
		LocalTime from = LocalTime.ofInstant(start.minus(1, ChronoUnit.HOURS), ZoneOffset.UTC);
		LocalTime to = LocalTime.ofInstant(start.plus(2, ChronoUnit.HOURS), ZoneOffset.UTC);
		String email = Subscribers.newAddress("night-owl");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email,
				Map.of("timeZone", "UTC", "quietHours", Map.of("from", from.toString(), "to", to.toString())),
				this.topic);
		TestRecords first = TestRecords.meeting(this.topic);
		TestRecords second = TestRecords.meeting(this.topic);
		this.records.awaitConsumed(this.records.publish(first), this.records.publish(second));
		assertNothingMore(email, 1);
		assertThat(this.mvc.get()
			.uri("/api/v1/admin/subscribers/{id}/waiting", subscriber.id())
			.header("X-Admin-Key", ADMIN_KEY)).hasStatusOk().bodyJson().satisfies((json) -> {
				assertThat(json).extractingPath("$.emails[0].kind").isEqualTo("QUIET");
				assertThat(json).extractingPath("$.emails[0].records").asArray().hasSize(2);
				assertThat(json).extractingPath("$.emails[0].dueAt")
					.isEqualTo(start.plus(2, ChronoUnit.HOURS).toString());
			});

		this.clock.advanceTo(start.plus(2, ChronoUnit.HOURS).plusSeconds(1));
		MimeMessage held = awaitEmails(email, 2).get(1);
		assertThat(Mailbox.subjectOf(held)).isEqualTo("[Herald] 2 new records held for you");
		assertThat(Mailbox.part(held, "text/plain")).contains(first.title(), second.title());

		TestRecords after = TestRecords.meeting(this.topic);
		this.records.publish(after);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, after.title()).size() == 1);
		assertNothingMore(email, 3);
	}

	@Test
	void alertsPastTheBurstLimitShouldRollIntoOneEmailAtTheEndOfTheHour() {
		Instant start = startOfNextHour();
		String email = Subscribers.newAddress("burst");
		this.subscribers.subscribeAndConfirm(email, this.topic);
		List<TestRecords> burst = new ArrayList<>();
		for (int i = 0; i < 13; i++) {
			TestRecords record = TestRecords.meeting(this.topic);
			burst.add(record);
			this.records.publish(record);
		}
		awaitEmails(email, 11);
		assertNothingMore(email, 11);
		List<TestRecords> rolledUp = burst.stream()
			.filter((record) -> this.mailbox.to(email, record.title()).isEmpty())
			.toList();
		assertThat(rolledUp).hasSize(3);

		this.clock.advanceTo(start.plus(1, ChronoUnit.HOURS).plusSeconds(1));
		MimeMessage digest = awaitEmails(email, 12).get(11);
		assertThat(Mailbox.subjectOf(digest)).isEqualTo("[Herald] 3 new records held for you");
		assertThat(Mailbox.part(digest, "text/plain")).contains(rolledUp.get(0).title(), rolledUp.get(1).title(),
				rolledUp.get(2).title());
		assertNothingMore(email, 12);
	}

	@Test
	void dailyDigestAcrossADaylightSavingChangeShouldGoOncePerDay() {
		ZoneId london = ZoneId.of("Europe/London");
		ZoneOffsetTransition change = london.getRules().nextTransition(this.clock.instant());
		// Half past one: skipped when the clocks go forward, twice when they go back.
		this.clock.advanceTo(change.getInstant().minus(12, ChronoUnit.HOURS));
		String email = Subscribers.newAddress("dst");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email,
				Map.of("frequency", "DAILY", "deliveryTime", "01:30", "timeZone", "Europe/London"), this.topic);
		LocalDate day = change.getInstant().atZone(london).toLocalDate();
		Instant due = ZonedDateTime.of(day, LocalTime.of(1, 30), london).toInstant();
		TestRecords before = TestRecords.meeting(this.topic);
		this.records.awaitConsumed(this.records.publish(before));
		assertThat(this.ledger.findById(Delivery.idOf(before.id(), subscriber.id())).dueAt()).isEqualTo(due);

		this.clock.advanceTo(due.plusSeconds(1));
		assertThat(Mailbox.part(awaitEmails(email, 2).get(1), "text/plain")).contains(before.title());
		TestRecords after = TestRecords.meeting(this.topic);
		this.records.awaitConsumed(this.records.publish(after));
		// Past the second half past one of a day the clocks go back: still one digest.
		this.clock.advanceTo(change.getInstant().plus(31, ChronoUnit.MINUTES));
		assertNothingMore(email, 2);

		Instant nextDue = ZonedDateTime.of(day.plusDays(1), LocalTime.of(1, 30), london).toInstant();
		this.clock.advanceTo(nextDue.plusSeconds(1));
		MimeMessage next = awaitEmails(email, 3).get(2);
		assertThat(Mailbox.part(next, "text/plain")).contains(after.title()).doesNotContain(before.title());
		assertNothingMore(email, 3);
	}

	@Test
	void changeOfFrequencyShouldApplyToWhatWaits() {
		Instant start = startOfNextHour();
		LocalTime time = LocalTime.ofInstant(start.plus(3, ChronoUnit.HOURS), ZoneOffset.UTC);
		String toImmediate = Subscribers.newAddress("to-immediate");
		String toDaily = Subscribers.newAddress("to-daily");
		Subscriber first = this.subscribers.subscribeAndConfirm(toImmediate,
				Map.of("frequency", "DAILY", "deliveryTime", time.toString(), "timeZone", "UTC"), this.topic);
		Subscriber second = this.subscribers.subscribeAndConfirm(toDaily, Map.of("frequency", "WEEKLY", "deliveryTime",
				time.toString(), "dayOfWeek", "SUNDAY", "timeZone", "UTC"), this.topic);
		TestRecords one = TestRecords.meeting(this.topic);
		TestRecords two = TestRecords.meeting(this.topic);
		this.records.awaitConsumed(this.records.publish(one), this.records.publish(two));
		assertNothingMore(toImmediate, 1);

		change(first, "{\"frequency\":\"IMMEDIATE\"}");
		MimeMessage now = awaitEmails(toImmediate, 2).get(1);
		assertThat(Mailbox.part(now, "text/plain")).contains(one.title(), two.title());

		change(second, "{\"frequency\":\"DAILY\",\"deliveryTime\":\"" + time + "\",\"timeZone\":\"UTC\"}");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.ledger.findById(Delivery.idOf(one.id(), second.id())).emailId().startsWith("daily:"));
		this.clock.advanceTo(nextAt(start, time, null).plusSeconds(1));
		MimeMessage daily = awaitEmails(toDaily, 2).get(1);
		assertThat(Mailbox.subjectOf(daily)).startsWith("[Herald] Your daily digest");
		assertThat(Mailbox.part(daily, "text/plain")).contains(one.title(), two.title());
		this.clock.advanceTo(nextAt(start, time, DayOfWeek.SUNDAY).plus(Duration.ofDays(1)));
		assertNothingMore(toDaily, 2);
		assertNothingMore(toImmediate, 2);
	}

	@Test
	void unsubscribeShouldTakeEffectBeforeAScheduledDigest() {
		Instant start = startOfNextHour();
		LocalTime time = LocalTime.ofInstant(start.plus(1, ChronoUnit.HOURS), ZoneOffset.UTC);
		String email = Subscribers.newAddress("leaver");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email,
				Map.of("frequency", "DAILY", "deliveryTime", time.toString(), "timeZone", "UTC"), this.topic);
		TestRecords record = TestRecords.meeting(this.topic);
		this.records.awaitConsumed(this.records.publish(record));
		assertThat(this.mvc.delete()
			.uri("/api/v1/subscriptions/me")
			.header("Authorization", "Bearer " + manageToken(subscriber))).hasStatusOk();
		this.clock.advanceTo(nextAt(start, time, null).plusSeconds(1));
		String entry = Delivery.idOf(record.id(), subscriber.id());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.ledger.findById(entry).status() == DeliveryStatus.SKIPPED);
		assertThat(this.ledger.findById(entry).lastError()).contains("UNSUBSCRIBED");
		assertThat(this.mailbox.to(email, record.title())).isEmpty();
	}

	@Test
	void digestOfARussianSubscriberShouldBeInRussian() {
		Instant start = startOfNextHour();
		LocalTime time = LocalTime.ofInstant(start.plus(2, ChronoUnit.HOURS), ZoneOffset.UTC);
		String russian = Subscribers.newAddress("digest-ru");
		this.subscribers.subscribeAndConfirm(russian,
				Map.of("frequency", "DAILY", "deliveryTime", time.toString(), "timeZone", "UTC", "language", "ru"),
				this.topic);
		TestRecords record = TestRecords.meeting(this.topic);
		this.records.awaitConsumed(this.records.publish(record));
		this.clock.advanceTo(nextAt(start, time, null).plusSeconds(1));
		MimeMessage digest = awaitEmails(russian, 2).get(1);
		assertThat(Mailbox.subjectOf(digest)).isEqualTo("[Herald] Ежедневная сводка: 1 новая запись");
		assertThat(Mailbox.part(digest, "text/plain")).contains(record.title(), "Читать запись", "Управлять подпиской")
			.doesNotContain("Read the record", "Manage your subscription");
		assertThat(Mailbox.part(digest, "text/html")).contains("lang=\"ru\"", "Управлять подпиской")
			.doesNotContain("Manage your subscription");
	}

	private void change(Subscriber subscriber, String json) {
		assertThat(this.mvc.put()
			.uri("/api/v1/subscriptions/me")
			.header("Authorization", "Bearer " + manageToken(subscriber))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).hasStatusOk();
	}

	private String manageToken(Subscriber subscriber) {
		String link = this.links.manage(subscriber.id(), subscriber.tokenVersion());
		return link.substring(link.indexOf("token=") + 6);
	}

	/**
	 * Moves the clock to one minute into the next hour, so a test has the hour to itself.
	 */
	private Instant startOfNextHour() {
		Instant start = this.clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
		this.clock.advanceTo(start.plus(1, ChronoUnit.MINUTES));
		return start;
	}

	/**
	 * The first moment after a start at a UTC time of day, on a given day of the week.
	 */
	private static Instant nextAt(Instant start, LocalTime time, DayOfWeek day) {
		ZonedDateTime candidate = start.atZone(ZoneOffset.UTC).with(time);
		while (!candidate.toInstant().isAfter(start.plus(1, ChronoUnit.MINUTES))
				|| (day != null && candidate.getDayOfWeek() != day)) {
			candidate = candidate.plusDays(1);
		}
		return candidate.toInstant();
	}

	private List<MimeMessage> awaitEmails(String email, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email).size() >= count);
		return this.mailbox.to(email);
	}

	/** The address has the given number of emails and gets no more for a while. */
	private void assertNothingMore(String email, int count) {
		await().during(NOTHING_MORE)
			.atMost(NOTHING_MORE.plusSeconds(5))
			.until(() -> this.mailbox.to(email).size() == count);
	}

}
