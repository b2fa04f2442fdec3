package dev.herald.notify.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.herald.localstack.test.EnableHeraldInfrastructure;
import dev.herald.localstack.test.HeraldInfrastructure;
import dev.herald.notify.RecordsTopic;
import dev.herald.notify.TestRecords;
import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.mail.ScriptedSmtpServer;
import dev.herald.notify.mail.ScriptedSmtpServer.Trouble;
import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import dev.herald.notify.subscription.SubscriberStore;
import dev.herald.notify.subscription.Suppression;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the relay answers decides what happens. A reply about the relay or the message
 * (530 to {@code MAIL FROM}, 550 5.4.5 to {@code RCPT TO}, 554 at the end of
 * {@code DATA}) pauses sending and suppresses nobody: the email goes once the relay
 * works. A refusal of the address (550 5.1.1 to {@code RCPT TO}) fails that recipient's
 * email alone and, the third time, suppresses that address. A temporary refusal (4xx) is
 * tried again until it goes through. With two relays, sending moves to the second while
 * the first is down, and back when it recovers.
 * <p>
 * The service runs here with two scripted SMTP relays, its own database, records topic
 * and consumer group, beside the shared test service.
 */
@SpringBootTest(properties = { "spring.mongodb.database=notify-smtp-replies",
		"spring.kafka.consumer.group-id=notify-smtp-replies",
		"herald.notify.kafka.records-topic=" + SmtpRepliesIntegrationTests.TOPIC,
		"herald.notify.retry.initial-interval=100ms", "herald.notify.retry.max-interval=1s",
		"herald.notify.delivery.scan-interval=100ms", "herald.notify.delivery.concurrency=1",
		"logging.level.dev.herald.notify.relay=ERROR" })
@AutoConfigureMockMvc
@EnableHeraldInfrastructure
@DirtiesContext
class SmtpRepliesIntegrationTests {

	static final String TOPIC = "herald.records.v1.smtp-replies";

	private static final ScriptedSmtpServer first = new ScriptedSmtpServer();

	private static final ScriptedSmtpServer second = new ScriptedSmtpServer();

	private final HeraldInfrastructure infra = HeraldInfrastructure.get();

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private DeliveryLedger ledger;

	@Autowired
	private SubscriberStore subscribers;

	@Autowired
	private Suppression suppression;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private MockMvcTester mvc;

	private RecordsTopic records;

	@DynamicPropertySource
	static void relays(DynamicPropertyRegistry registry) {
		HeraldInfrastructure.get().createTopic(TOPIC, 1);
		registry.add("herald.notify.mail.relays[0].host", () -> "127.0.0.1");
		registry.add("herald.notify.mail.relays[0].port", first::port);
		registry.add("herald.notify.mail.relays[1].host", () -> "127.0.0.1");
		registry.add("herald.notify.mail.relays[1].port", second::port);
	}

	@AfterAll
	static void stopRelays() {
		first.close();
		second.close();
	}

	@BeforeEach
	void connect() {
		this.records = new RecordsTopic(this.infra);
	}

	@AfterEach
	void restore() {
		first.start();
		first.answer(Trouble.NONE);
		second.answer(Trouble.NONE);
		this.records.close();
	}

	@ParameterizedTest
	@EnumSource(value = Trouble.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
	void relayTroubleShouldPauseSendingSuppressNobodyAndSendOnceItIsOver(Trouble trouble) {
		first.answer(trouble);
		second.answer(trouble);
		String topic = "trouble-" + UUID.randomUUID().toString().substring(0, 8);
		Subscriber calm = seed("calm-" + topic + "@example.org", topic);
		TestRecords record = TestRecords.meeting(topic);
		publish(record);
		String entryId = Delivery.idOf(record.id(), calm.id());
		String code = switch (trouble) {
			case AUTHENTICATION_REQUIRED -> "530";
			case DAILY_QUOTA -> "550 5.4.5";
			default -> "554";
		};
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Delivery entry = this.ledger.findById(entryId);
			assertThat(entry).isNotNull();
			assertThat(entry.lastError()).contains(code);
		});
		assertThat(this.ledger.findById(entryId).status()).isEqualTo(DeliveryStatus.SCHEDULED);
		Subscriber after = this.subscribers.findById(calm.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(after.permanentFailures()).isZero();
		assertThat(accepted(calm.email())).isZero();

		first.answer(Trouble.NONE);
		second.answer(Trouble.NONE);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.ledger.findById(entryId).status() == DeliveryStatus.SENT);
		assertThat(accepted(calm.email())).isOne();
	}

	@Test
	void refusedAddressShouldFailThatRecipientAloneAndBeSuppressedAtTheThirdRefusal() {
		String topic = "refusals-" + UUID.randomUUID().toString().substring(0, 8);
		Subscriber bouncing = seed("bounce-" + topic + "@example.org", topic);
		Subscriber calm = seed("calm-" + topic + "@example.org", topic);
		for (int i = 1; i <= 3; i++) {
			TestRecords record = TestRecords.meeting(topic);
			publish(record);
			String refused = Delivery.idOf(record.id(), bouncing.id());
			String sent = Delivery.idOf(record.id(), calm.id());
			await().atMost(Duration.ofSeconds(30))
				.until(() -> status(refused) == DeliveryStatus.FAILED && status(sent) == DeliveryStatus.SENT);
			assertThat(this.ledger.findById(refused).lastError())
				.contains("550 5.1.1", "User unknown", "b***@example.org")
				.doesNotContain(bouncing.email());
			assertThat(this.subscribers.findById(bouncing.id()).orElseThrow().status())
				.isEqualTo((i < 3) ? SubscriberStatus.ACTIVE : SubscriberStatus.SUPPRESSED);
		}
		Subscriber calmAfter = this.subscribers.findById(calm.id()).orElseThrow();
		assertThat(calmAfter.status()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(calmAfter.permanentFailures()).isZero();
		assertThat(accepted(calm.email())).isEqualTo(3);

		TestRecords afterSuppression = TestRecords.meeting(topic);
		publish(afterSuppression);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> status(Delivery.idOf(afterSuppression.id(), calm.id())) == DeliveryStatus.SENT);
		assertThat(this.ledger.findById(Delivery.idOf(afterSuppression.id(), bouncing.id()))).isNull();
		assertThat(accepted(bouncing.email())).isZero();
	}

	@Test
	void temporaryRefusalShouldBeTriedAgainUntilItGoesThroughOnceSuppressingNobody() {
		String topic = "busy-" + UUID.randomUUID().toString().substring(0, 8);
		Subscriber busy = seed("busy-" + topic + "@example.org", topic);
		TestRecords record = TestRecords.meeting(topic);
		publish(record);
		String entryId = Delivery.idOf(record.id(), busy.id());
		await().atMost(Duration.ofSeconds(30)).until(() -> status(entryId) == DeliveryStatus.SENT);
		assertThat(accepted(busy.email())).isOne();
		assertThat(this.ledger.findById(entryId).lastError()).isNull();
		Subscriber after = this.subscribers.findById(busy.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(after.permanentFailures()).isZero();
	}

	@Test
	void sendingShouldMoveToTheSecondRelayWhileTheFirstIsDownAndBackWhenItRecovers() {
		String topic = "failover-" + UUID.randomUUID().toString().substring(0, 8);
		Subscriber subscriber = seed("failover-" + topic + "@example.org", topic);
		String firstName = "127.0.0.1:" + first.port();
		String secondName = "127.0.0.1:" + second.port();
		first.stop();
		TestRecords during = TestRecords.meeting(topic);
		publish(during);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> status(Delivery.idOf(during.id(), subscriber.id())) == DeliveryStatus.SENT);
		assertThat(second.delivered()).contains(subscriber.email());
		assertThat(first.delivered()).doesNotContain(subscriber.email());
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.components.mail.details.inUse")
			.isEqualTo(secondName);
		assertThat(relayActive(secondName)).isOne();
		assertThat(relayActive(firstName)).isZero();

		first.start();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/actuator/health")).bodyJson()
				.extractingPath("$.components.mail.details.inUse")
				.isEqualTo(firstName));
		TestRecords after = TestRecords.meeting(topic);
		publish(after);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> status(Delivery.idOf(after.id(), subscriber.id())) == DeliveryStatus.SENT);
		assertThat(first.delivered()).containsOnlyOnce(subscriber.email());
		assertThat(second.delivered()).containsOnlyOnce(subscriber.email());
		assertThat(relayActive(firstName)).isOne();
	}

	@Test
	void resendOfFailedEntriesShouldSkipASuppressedAddress() {
		String topic = "resend-" + UUID.randomUUID().toString().substring(0, 8);
		Subscriber bouncing = seed("bounce-" + topic + "@example.org", topic);
		TestRecords record = TestRecords.meeting(topic);
		publish(record);
		String entryId = Delivery.idOf(record.id(), bouncing.id());
		await().atMost(Duration.ofSeconds(30)).until(() -> status(entryId) == DeliveryStatus.FAILED);
		this.suppression.recordPermanentFailure(bouncing.id(), 1);

		assertThat(this.mvc.post()
			.uri("/api/v1/admin/deliveries/resend?recordId={id}", record.id())
			.header("X-Admin-Key", "dev-admin-key-change-me")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.scheduled")
			.isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> status(entryId) == DeliveryStatus.SKIPPED);
		assertThat(this.ledger.findById(entryId).lastError()).contains("SUPPRESSED");
		assertThat(accepted(bouncing.email())).isZero();
	}

	private void publish(TestRecords record) {
		this.records.send(TOPIC, record.id(), record.json(), "dev.herald.record.published.v1");
	}

	private DeliveryStatus status(String entryId) {
		Delivery entry = this.ledger.findById(entryId);
		return (entry != null) ? entry.status() : null;
	}

	private long accepted(String email) {
		return first.delivered().stream().filter(email::equals).count()
				+ second.delivered().stream().filter(email::equals).count();
	}

	private double relayActive(String relay) {
		return this.meters.get("herald.notify.relay.active").tag("relay", relay).gauge().value();
	}

	private Subscriber seed(String email, String topic) {
		Instant now = Instant.now();
		return this.mongo.insert(new Subscriber(UUID.randomUUID().toString(), email, email, List.of(topic),
				SubscriberStatus.ACTIVE, Schedule.immediate(), "en", now, now, now, null, 0, 0L, null));
	}

}
