package dev.herald.notify.admin;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.localstack.test.HeraldInfrastructure;
import dev.herald.notify.Mailbox;
import dev.herald.notify.NotifyIntegrationTest;
import dev.herald.notify.RecordsTopic;
import dev.herald.notify.Subscribers;
import dev.herald.notify.TestRecords;
import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.subscription.Subscriber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' view, behind the admin key.
 */
@NotifyIntegrationTest
class AdminIntegrationTests {

	private static final String DEV_ADMIN_KEY = "dev-admin-key-change-me";

	private final HeraldInfrastructure infra = HeraldInfrastructure.get();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private Taxonomy taxonomy;

	@Autowired
	private DeliveryLedger ledger;

	@Test
	void adminApiWithoutTheRightKeyShouldAnswer401() {
		assertThat(this.mvc.get().uri("/api/v1/admin/stats")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri("/api/v1/admin/stats").header("X-Admin-Key", "guess"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void deliveriesWaitingAndStatsShouldShowWhatHappenedToARecordAndWhatIsStillScheduled() {
		Subscribers subscribers = new Subscribers(this.mvc, new Mailbox(this.infra), this.mongo, this.taxonomy);
		String topic = "admin-" + UUID.randomUUID().toString().substring(0, 8);
		String immediate = Subscribers.newAddress("watched");
		String daily = Subscribers.newAddress("daily-reader");
		Subscriber alerted = subscribers.subscribeAndConfirm(immediate, topic);
		Subscriber digested = subscribers.subscribeAndConfirm(daily,
				Map.of("frequency", "DAILY", "deliveryTime", "07:30", "timeZone", "Europe/Paris"), topic);
		TestRecords record = TestRecords.meeting(topic);
		try (RecordsTopic records = new RecordsTopic(this.infra)) {
			records.publish(record);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Delivery delivery = this.ledger.findById(Delivery.idOf(record.id(), alerted.id()));
			return delivery != null && delivery.status() == DeliveryStatus.SENT;
		});
		Delivery scheduled = this.ledger.findById(Delivery.idOf(record.id(), digested.id()));
		assertThat(scheduled.status()).isEqualTo(DeliveryStatus.SCHEDULED);

		var page = assertThat(this.mvc.get()
			.uri("/api/v1/admin/deliveries?recordId={id}&size=500", record.id())
			.header("X-Admin-Key", DEV_ADMIN_KEY)).hasStatusOk().bodyJson();
		page.extractingPath("$.recordId").isEqualTo(record.id());
		page.extractingPath("$.counts")
			.asMap()
			.containsEntry("SENT", 1)
			.containsEntry("SCHEDULED", 1)
			.containsEntry("FAILED", 0)
			.containsEntry("SKIPPED", 0);
		page.extractingPath("$.content[?(@.subscriberId == '" + alerted.id() + "')].status")
			.asArray()
			.containsExactly("SENT");
		page.extractingPath("$.content[?(@.subscriberId == '" + alerted.id() + "')].email")
			.asArray()
			.containsExactly(immediate);
		page.extractingPath("$.content[?(@.subscriberId == '" + digested.id() + "')].status")
			.asArray()
			.containsExactly("SCHEDULED");
		page.extractingPath("$.content[?(@.subscriberId == '" + digested.id() + "')].emailKind")
			.asArray()
			.containsExactly("DAILY");
		page.extractingPath("$.content[?(@.subscriberId == '" + digested.id() + "')].dueAt")
			.asArray()
			.containsExactly(scheduled.dueAt().toString());
		assertThat(scheduled.dueAt().atZone(ZoneId.of("Europe/Paris")).toLocalTime()).isEqualTo(LocalTime.of(7, 30));
		var scheduledOnly = assertThat(this.mvc.get()
			.uri("/api/v1/admin/deliveries?recordId={id}&status=SCHEDULED", record.id())
			.header("X-Admin-Key", DEV_ADMIN_KEY)).hasStatusOk().bodyJson();
		scheduledOnly.extractingPath("$.content[*].subscriberId").asArray().containsExactly(digested.id());

		var waiting = assertThat(this.mvc.get()
			.uri("/api/v1/admin/subscribers/{id}/waiting", digested.id())
			.header("X-Admin-Key", DEV_ADMIN_KEY)).hasStatusOk().bodyJson();
		waiting.extractingPath("$.subscriberId").isEqualTo(digested.id());
		waiting.extractingPath("$.emails[0].kind").isEqualTo("DAILY");
		waiting.extractingPath("$.emails[0].records").asArray().containsExactly(record.id());
		waiting.extractingPath("$.emails[0].dueAt").isEqualTo(scheduled.dueAt().toString());
		assertThat(this.mvc.get()
			.uri("/api/v1/admin/subscribers/{id}/waiting", alerted.id())
			.header("X-Admin-Key", DEV_ADMIN_KEY)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.emails")
			.asArray()
			.isEmpty();

		var stats = assertThat(this.mvc.get().uri("/api/v1/admin/stats").header("X-Admin-Key", DEV_ADMIN_KEY))
			.hasStatusOk()
			.bodyJson();
		stats.extractingPath("$.subscribers.ACTIVE")
			.asNumber()
			.satisfies((n) -> assertThat(n.longValue()).isPositive());
		stats.extractingPath("$.deliveries.SENT").asNumber().satisfies((n) -> assertThat(n.longValue()).isPositive());
		stats.extractingPath("$.deliveries").asMap().containsKeys("SCHEDULED", "SENT", "FAILED", "SKIPPED");
		stats.extractingPath("$.emails.scheduled").asNumber().satisfies((n) -> assertThat(n.longValue()).isPositive());
	}

	@Test
	void waitingOfAnUnknownSubscriberShouldAnswer404AndABadIdShouldAnswer400() {
		assertThat(this.mvc.get()
			.uri("/api/v1/admin/subscribers/{id}/waiting", UUID.randomUUID())
			.header("X-Admin-Key", DEV_ADMIN_KEY)).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get()
			.uri("/api/v1/admin/subscribers/{id}/waiting", "not-an-id")
			.header("X-Admin-Key", DEV_ADMIN_KEY)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void deliveriesWithABadRecordIdShouldAnswer400() {
		assertThat(
				this.mvc.get().uri("/api/v1/admin/deliveries?recordId=not-a-uuid").header("X-Admin-Key", DEV_ADMIN_KEY))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get()
			.uri("/api/v1/admin/deliveries?recordId=3f0c9d2e-6b1a-4c55-9f7e-2d8a41b07c13&size=100000")
			.header("X-Admin-Key", DEV_ADMIN_KEY)).hasStatus(HttpStatus.BAD_REQUEST);
	}

}
