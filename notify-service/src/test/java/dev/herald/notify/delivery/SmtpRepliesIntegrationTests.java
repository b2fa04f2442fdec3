package dev.herald.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.herald.localstack.test.HeraldInfrastructure;
import dev.herald.notify.Mailbox;
import dev.herald.notify.NotifyIntegrationTest;
import dev.herald.notify.RecordsTopic;
import dev.herald.notify.TestRecords;
import dev.herald.notify.mail.ScriptedSmtpServer;
import dev.herald.notify.subscription.Frequency;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import dev.herald.notify.subscription.SubscriberStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the SMTP server answers decides what happens: a 5xx refusal fails the delivery for
 * good with the server's reply and, the third time, suppresses the address; a 4xx is
 * retried until it goes through. The senders are pointed at a scripted SMTP server for
 * the time of each test, then back at the test infrastructure's.
 */
@NotifyIntegrationTest
class SmtpRepliesIntegrationTests {

	private final HeraldInfrastructure infra = HeraldInfrastructure.get();

	@Autowired
	private JavaMailSenderImpl mailSender;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private DeliveryLedger ledger;

	@Autowired
	private SubscriberStore subscribers;

	@Autowired
	private MockMvcTester mvc;

	private ScriptedSmtpServer scripted;

	private RecordsTopic records;

	@BeforeEach
	void pointAtTheScriptedServer() throws Exception {
		this.scripted = new ScriptedSmtpServer();
		this.records = new RecordsTopic(this.infra);
		this.mailSender.setHost("127.0.0.1");
		this.mailSender.setPort(this.scripted.port());
	}

	@AfterEach
	void pointBack() throws Exception {
		this.mailSender.setHost(this.infra.smtpHost());
		this.mailSender.setPort(this.infra.smtpPort());
		this.records.close();
		this.scripted.close();
	}

	@Test
	void permanentRefusalsShouldFailWithTheRepliesAndSuppressTheAddressAtTheThird() {
		String topic = "refusals-" + UUID.randomUUID().toString().substring(0, 8);
		Subscriber bouncing = seed("bounce-" + topic + "@example.org", topic);
		for (int i = 1; i <= 3; i++) {
			TestRecords record = TestRecords.meeting(topic);
			this.records.publish(record);
			String deliveryId = Delivery.idOf(record.id(), bouncing.id());
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				Delivery delivery = this.ledger.findById(deliveryId);
				return delivery != null && delivery.status() == DeliveryStatus.FAILED;
			});
			assertThat(this.ledger.findById(deliveryId).lastError()).contains("550", "User unknown");
			assertThat(this.subscribers.findById(bouncing.id()).orElseThrow().status())
				.isEqualTo((i < 3) ? SubscriberStatus.ACTIVE : SubscriberStatus.SUPPRESSED);
		}
		TestRecords afterSuppression = TestRecords.meeting(topic);
		this.records.awaitConsumed(this.records.publish(afterSuppression));
		assertThat(this.ledger.findById(Delivery.idOf(afterSuppression.id(), bouncing.id()))).isNull();
		// Other tests' deliveries may reach this server while the sender points at it;
		// none
		// may be to the suppressed address.
		assertThat(this.scripted.delivered()).doesNotContain(bouncing.email());
	}

	@Test
	void temporaryRefusalShouldBeRetriedUntilItGoesThroughOnce() {
		String topic = "busy-" + UUID.randomUUID().toString().substring(0, 8);
		String email = "busy-" + topic + "@example.org";
		Subscriber busy = seed(email, topic);
		TestRecords record = TestRecords.meeting(topic);
		this.records.publish(record);
		String deliveryId = Delivery.idOf(record.id(), busy.id());
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Delivery delivery = this.ledger.findById(deliveryId);
			return delivery != null && delivery.attempts() >= 2;
		});
		Delivery retrying = this.ledger.findById(deliveryId);
		assertThat(retrying.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(retrying.lastError()).contains("451");

		this.mailSender.setHost(this.infra.smtpHost());
		this.mailSender.setPort(this.infra.smtpPort());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.ledger.findById(deliveryId).status() == DeliveryStatus.SENT);
		assertThat(new Mailbox(this.infra).to(email, record.title())).hasSize(1);
	}

	@Test
	void resendOfFailedDeliveriesShouldSkipASuppressedAddress() {
		String topic = "resend-" + UUID.randomUUID().toString().substring(0, 8);
		Subscriber bouncing = seed("bounce-" + topic + "@example.org", topic);
		TestRecords record = TestRecords.meeting(topic);
		this.records.publish(record);
		String deliveryId = Delivery.idOf(record.id(), bouncing.id());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.ledger.findById(deliveryId) != null
					&& this.ledger.findById(deliveryId).status() == DeliveryStatus.FAILED);
		this.subscribers.recordPermanentFailure(bouncing.id(), 1);

		assertThat(this.mvc.post()
			.uri("/api/v1/admin/deliveries/resend?recordId={id}", record.id())
			.header("X-Admin-Key", "dev-admin-key-change-me")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.requeued")
			.isEqualTo(1);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.ledger.findById(deliveryId).status() == DeliveryStatus.SKIPPED);
		assertThat(this.ledger.findById(deliveryId).lastError()).contains("SUPPRESSED");
	}

	private Subscriber seed(String email, String topic) {
		Instant now = Instant.now();
		return this.mongo.insert(new Subscriber(UUID.randomUUID().toString(), email, email, List.of(topic),
				SubscriberStatus.ACTIVE, Frequency.IMMEDIATE, "en", now, now, now, null, 0));
	}

}
