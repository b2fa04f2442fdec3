package dev.herald.notify.admin;

import java.time.Duration;

import dev.herald.localstack.test.HeraldInfrastructure;
import dev.herald.notify.Mailbox;
import dev.herald.notify.NotifyIntegrationTest;
import dev.herald.notify.RecordsTopic;
import dev.herald.notify.Subscribers;
import dev.herald.notify.TestRecords;
import dev.herald.notify.delivery.Delivery;
import dev.herald.notify.delivery.DeliveryLedger;
import dev.herald.notify.delivery.DeliveryStatus;
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
	private DeliveryLedger ledger;

	@Test
	void adminApiWithoutTheRightKeyShouldAnswer401() {
		assertThat(this.mvc.get().uri("/api/v1/admin/stats")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri("/api/v1/admin/stats").header("X-Admin-Key", "guess"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void deliveriesAndStatsShouldShowWhatHappenedToARecord() {
		Subscribers subscribers = new Subscribers(this.mvc, new Mailbox(this.infra), this.mongo);
		String email = Subscribers.newAddress("watched");
		Subscriber subscriber = subscribers.subscribeAndConfirm(email, "drug-trafficking");
		TestRecords record = TestRecords.meeting("drug-trafficking");
		try (RecordsTopic records = new RecordsTopic(this.infra)) {
			records.publish(record);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Delivery delivery = this.ledger.findById(Delivery.idOf(record.id(), subscriber.id()));
			return delivery != null && delivery.status() == DeliveryStatus.SENT;
		});

		var page = assertThat(this.mvc.get()
			.uri("/api/v1/admin/deliveries?recordId={id}&size=500", record.id())
			.header("X-Admin-Key", DEV_ADMIN_KEY)).hasStatusOk().bodyJson();
		page.extractingPath("$.recordId").isEqualTo(record.id());
		page.extractingPath("$.content[?(@.subscriberId == '" + subscriber.id() + "')].status")
			.asArray()
			.containsExactly("SENT");
		page.extractingPath("$.content[?(@.subscriberId == '" + subscriber.id() + "')].attempts")
			.asArray()
			.containsExactly(1);
		page.extractingPath("$.content[?(@.subscriberId == '" + subscriber.id() + "')].email")
			.asArray()
			.containsExactly(email);

		var stats = assertThat(this.mvc.get().uri("/api/v1/admin/stats").header("X-Admin-Key", DEV_ADMIN_KEY))
			.hasStatusOk()
			.bodyJson();
		stats.extractingPath("$.subscribers.ACTIVE")
			.asNumber()
			.satisfies((n) -> assertThat(n.longValue()).isPositive());
		stats.extractingPath("$.deliveries.SENT").asNumber().satisfies((n) -> assertThat(n.longValue()).isPositive());
		stats.extractingPath("$.deliveries").asMap().containsKeys("PENDING", "SENT", "FAILED", "SKIPPED");
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
