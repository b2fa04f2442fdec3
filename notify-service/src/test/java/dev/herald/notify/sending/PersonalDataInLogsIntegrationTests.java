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
import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import dev.herald.notify.token.SubscriberLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscribing, confirming, a refused confirmation email and a refused alert leave no
 * email address, token or key in the log, nor an address in the ledger's error text: the
 * relay's replies quote the address, and they are masked ({@code b***@example.org}).
 * Logging runs at its default levels here.
 */
@SpringBootTest(properties = { "spring.mongodb.database=notify-log-privacy",
		"spring.kafka.consumer.group-id=notify-log-privacy",
		"herald.notify.kafka.records-topic=" + PersonalDataInLogsIntegrationTests.TOPIC,
		"herald.notify.retry.initial-interval=100ms", "herald.notify.retry.max-interval=1s",
		"herald.notify.delivery.scan-interval=100ms" })
@AutoConfigureMockMvc
@EnableHeraldInfrastructure
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class PersonalDataInLogsIntegrationTests {

	static final String TOPIC = "herald.records.v1.log-privacy";

	private static final String ADMIN_KEY = "dev-admin-key-change-me";

	private static final ScriptedSmtpServer relay = new ScriptedSmtpServer();

	private final HeraldInfrastructure infra = HeraldInfrastructure.get();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private SubscriberLinks links;

	@Autowired
	private DeliveryLedger ledger;

	/**
	 * Subscription emails go through spring.mail's server: here the scripted relay too.
	 */
	@Autowired
	private JavaMailSenderImpl subscriptionMail;

	@DynamicPropertySource
	static void relay(DynamicPropertyRegistry registry) {
		HeraldInfrastructure.get().createTopic(TOPIC, 1);
		registry.add("herald.notify.mail.relays[0].host", () -> "127.0.0.1");
		registry.add("herald.notify.mail.relays[0].port", relay::port);
	}

	@AfterAll
	static void stopRelay() {
		relay.close();
	}

	@Test
	void noAddressTokenOrKeyShouldReachTheLogOrTheLedger(CapturedOutput output) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String reader = "reader-" + run + "@example.org";
		String refused = "bounce-" + run + "@example.org";

		this.subscriptionMail.setHost("127.0.0.1");
		this.subscriptionMail.setPort(relay.port());
		assertThat(subscribe(reader)).isEqualTo(202);
		assertThat(subscribe(refused)).as("the relay refuses the confirmation email").isEqualTo(503);
		Subscriber pending = this.mongo.findOne(Query.query(Criteria.where("email").is(reader)), Subscriber.class);
		assertThat(pending).isNotNull();
		String confirm = this.links.confirm(pending.id(), pending.tokenVersion());
		String token = confirm.substring(confirm.indexOf("token=") + "token=".length());
		assertThat(this.mvc.post().uri("/subscriptions/confirm").param("token", token)).hasStatusOk();
		String forged = token.substring(0, token.length() - 4) + "AAAA";
		assertThat(this.mvc.post().uri("/subscriptions/confirm").param("token", forged)).hasStatus4xxClientError();
		assertThat(this.mvc.get().uri("/api/v1/admin/stats").header("X-Admin-Key", ADMIN_KEY)).hasStatusOk();

		String topic = "privacy-" + run;
		String alerted = "bounce-alert-" + run + "@example.org";
		Subscriber bouncing = seed(alerted, topic);
		TestRecords record = TestRecords.meeting(topic);
		try (RecordsTopic records = new RecordsTopic(this.infra)) {
			records.send(TOPIC, record.id(), record.json(), "dev.herald.record.published.v1");
		}
		String entryId = Delivery.idOf(record.id(), bouncing.id());
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Delivery entry = this.ledger.findById(entryId);
			return entry != null && entry.status() == DeliveryStatus.FAILED;
		});

		assertThat(this.ledger.findById(entryId).lastError()).contains("550 5.1.1", "b***@example.org")
			.doesNotContain(alerted);
		assertThat(output.getAll()).as("the refused confirmation email was logged")
			.contains("Could not send the subscription email", "b***@example.org");
		assertThat(output.getAll()).doesNotContain(reader, refused, alerted, token, forged, ADMIN_KEY);
	}

	private int subscribe(String email) {
		return this.mvc.post()
			.uri("/api/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"topics\": [\"peacekeeping\"], \"language\": \"en\"}")
			.exchange()
			.getResponse()
			.getStatus();
	}

	private Subscriber seed(String email, String topic) {
		Instant now = Instant.now();
		return this.mongo.insert(new Subscriber(UUID.randomUUID().toString(), email, email, List.of(topic),
				SubscriberStatus.ACTIVE, Schedule.immediate(), "en", now, now, now, null, 0, 0L, null));
	}

}
