package dev.herald.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.matching.DeadLetterIntegrationTests;
import dev.herald.notify.subscription.Subscriber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outage of the SMTP server or of Kafka, longer than every retry budget and timeout in
 * play (the back-off, which has no last attempt, reaches its longest interval of 2 s; the
 * Kafka clients give up on a call within 10 s; the SMTP client within 10 s), pauses that
 * part of the work, shows in readiness, and loses and fails nothing: afterwards every
 * expected email arrives once, and no valid record is dead-lettered. The MongoDB outage
 * has its own test, with a server of its own.
 */
@NotifyIntegrationTest
class OutageIntegrationTests extends NotifyScenarioSupport {

	/** Longer than the tests' back-off, Kafka's and SMTP's timeouts. */
	private static final Duration OUTAGE = Duration.ofSeconds(12);

	private static final String DAILY_DIGEST = "[Herald] Your daily digest";

	@Autowired
	private DeliveryLedger ledger;

	@Autowired
	private TestClock clock;

	@Test
	void smtpOutageShouldHoldEveryEmailUntilTheRelayIsBackThenSendEachOnce() {
		String topic = "smtp-outage-" + UUID.randomUUID().toString().substring(0, 8);
		String first = Subscribers.newAddress("patient-1");
		String second = Subscribers.newAddress("patient-2");
		Subscriber one = this.subscribers.subscribeAndConfirm(first, topic);
		Subscriber two = this.subscribers.subscribeAndConfirm(second, topic);
		TestRecords a = TestRecords.meeting(topic);
		TestRecords b = TestRecords.meeting(topic);
		this.infra.stopSmtp();
		try {
			this.records.awaitConsumed(this.records.publish(a), this.records.publish(b));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.mvc.get().uri("/actuator/health/readiness"))
					.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
					.bodyJson()
					.extractingPath("$.components.mail.status")
					.isEqualTo("DOWN"));
			await().during(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() -> {
				Delivery entry = this.ledger.findById(Delivery.idOf(a.id(), one.id()));
				return entry.status() == DeliveryStatus.SCHEDULED;
			});
		}
		finally {
			this.infra.startSmtp();
		}
		for (Subscriber subscriber : new Subscriber[] { one, two }) {
			for (TestRecords record : new TestRecords[] { a, b }) {
				await().atMost(Duration.ofSeconds(60))
					.until(() -> this.ledger.findById(Delivery.idOf(record.id(), subscriber.id()))
						.status() == DeliveryStatus.SENT);
			}
		}
		for (String email : new String[] { first, second }) {
			assertThat(this.mailbox.to(email, a.title())).hasSize(1);
			assertThat(this.mailbox.to(email, b.title())).hasSize(1);
		}
		assertNoValidRecordDeadLettered(a, b);
	}

	@Test
	void kafkaOutageShouldPauseConsumptionWhileDueEmailsStillGoThenConsumeWhatCameAfter() {
		Instant start = this.clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
		this.clock.advanceTo(start.plus(1, ChronoUnit.MINUTES));
		LocalTime time = LocalTime.ofInstant(start.plus(1, ChronoUnit.HOURS), ZoneOffset.UTC);
		String topic = "kafka-outage-" + UUID.randomUUID().toString().substring(0, 8);
		String daily = Subscribers.newAddress("digest-in-outage");
		String immediate = Subscribers.newAddress("after-outage");
		this.subscribers.subscribeAndConfirm(daily,
				Map.of("frequency", "DAILY", "deliveryTime", time.toString(), "timeZone", "UTC"), topic);
		this.subscribers.subscribeAndConfirm(immediate, topic);
		TestRecords before = TestRecords.meeting(topic);
		this.records.awaitConsumed(this.records.publish(before));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(immediate, before.title()).size() == 1);
		this.records.close();

		this.infra.stopKafka();
		try {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.mvc.get().uri("/actuator/health/readiness"))
					.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
					.bodyJson()
					.extractingPath("$.components.kafka.status")
					.isEqualTo("DOWN"));
			// The digest due during the outage still goes: sending needs only MongoDB and
			// SMTP.
			this.clock.advanceTo(start.plus(1, ChronoUnit.HOURS).plusSeconds(1));
			await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(daily, DAILY_DIGEST).size() == 1);
			assertThat(Mailbox.part(this.mailbox.to(daily, DAILY_DIGEST).get(0), "text/plain"))
				.contains(before.title());
			await().during(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() -> true);
		}
		finally {
			this.infra.startKafka();
		}
		this.records = new RecordsTopic(this.infra);
		TestRecords after = TestRecords.meeting(topic);
		this.records.publish(after);
		await().atMost(Duration.ofSeconds(90)).until(() -> this.mailbox.to(immediate, after.title()).size() == 1);
		assertThat(this.mailbox.to(immediate, before.title())).hasSize(1);
		assertThat(this.mailbox.to(daily, DAILY_DIGEST)).hasSize(1);
		assertNoValidRecordDeadLettered(before, after);
	}

	private void assertNoValidRecordDeadLettered(TestRecords... valid) {
		var dead = DeadLetterIntegrationTests.deadLetters(this.infra.kafkaBootstrapServers());
		for (TestRecords record : valid) {
			assertThat(dead).noneMatch((message) -> record.id().equals(message.key()));
		}
	}

}
