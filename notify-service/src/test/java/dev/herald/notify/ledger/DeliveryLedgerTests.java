package dev.herald.notify.ledger;

import java.time.Instant;
import java.util.List;

import dev.herald.notify.EmbeddedMongo;
import dev.herald.notify.schedule.EmailKind;
import dev.herald.notify.schedule.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@DataMongoTest
class DeliveryLedgerTests {

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	private static final Slot ALERT = new Slot("alert:r-1:s-1", EmailKind.ALERT, T0);

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		EmbeddedMongo.register(registry);
	}

	@Autowired
	private MongoTemplate mongo;

	private DeliveryLedger ledger;

	@BeforeEach
	void createLedger() {
		this.mongo.dropCollection(Delivery.class);
		this.ledger = new DeliveryLedger(this.mongo, java.time.Duration.ofDays(90));
		this.ledger.afterPropertiesSet();
	}

	@Test
	void entriesShouldBeRemovedAfterTheRetentionAndAChangedRetentionShouldReplaceTheIndex() {
		assertThat(ttlSeconds()).isEqualTo(java.time.Duration.ofDays(90).toSeconds());

		new DeliveryLedger(this.mongo, java.time.Duration.ofDays(30)).afterPropertiesSet();

		assertThat(ttlSeconds()).isEqualTo(java.time.Duration.ofDays(30).toSeconds());
	}

	private long ttlSeconds() {
		List<org.bson.Document> ttl = new java.util.ArrayList<>();
		this.mongo.getCollection(Delivery.COLLECTION).listIndexes().forEach((index) -> {
			if (index.containsKey("expireAfterSeconds")) {
				ttl.add(index);
			}
		});
		assertThat(ttl).singleElement()
			.satisfies((index) -> assertThat(index.get("key", org.bson.Document.class).keySet())
				.containsExactly("createdAt"));
		return ((Number) ttl.get(0).get("expireAfterSeconds")).longValue();
	}

	@Test
	void insertNewShouldKeepTheFirstEntryOfARecordAndSubscriber() {
		assertThat(this.ledger.insertNew(
				List.of(Delivery.scheduled("r-1", "s-1", ALERT, T0), Delivery.scheduled("r-1", "s-2", ALERT, T0))))
			.containsExactlyInAnyOrder("r-1:s-1", "r-1:s-2");
		this.ledger.markSent(List.of("r-1:s-1"), T0.plusSeconds(1));
		assertThat(this.ledger.insertNew(List.of(Delivery.scheduled("r-1", "s-1", ALERT, T0.plusSeconds(5)),
				Delivery.scheduled("r-2", "s-1", ALERT, T0))))
			.containsExactly("r-2:s-1");
		Delivery kept = this.ledger.findById("r-1:s-1");
		assertThat(kept.status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(kept.sentAt()).isEqualTo(T0.plusSeconds(1));
	}

	@Test
	void entryShouldFollowItsEmailAndRecordEveryOutcome() {
		this.ledger.insertNew(List.of(Delivery.scheduled("r-1", "s-1", ALERT, T0)));
		Slot digest = new Slot("daily:s-1:2026-12-02", EmailKind.DAILY, T0.plusSeconds(86_400));
		this.ledger.moveTo(List.of("r-1:s-1"), digest, T0.plusSeconds(1));
		assertThat(this.ledger.findById("r-1:s-1").slot()).isEqualTo(digest);
		this.ledger.noteFailure(List.of("r-1:s-1"), "530 5.7.0 Authentication required", T0.plusSeconds(2));
		Delivery retrying = this.ledger.findById("r-1:s-1");
		assertThat(retrying.status()).isEqualTo(DeliveryStatus.SCHEDULED);
		assertThat(retrying.lastError()).contains("530");
		this.ledger.markUnsent(List.of("r-1:s-1"), DeliveryStatus.FAILED, "550 5.1.1 User unknown", T0);
		assertThat(this.ledger.findById("r-1:s-1").status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(this.ledger.requeueFailed("r-1", T0)).singleElement()
			.extracting(Delivery::status)
			.isEqualTo(DeliveryStatus.SCHEDULED);
		assertThat(this.ledger.requeueFailed("r-1", T0)).isEmpty();
	}

	@Test
	void countsAndPagesShouldBePerRecordAndState() {
		for (int i = 0; i < 5; i++) {
			this.ledger.insertNew(List.of(Delivery.scheduled("r-1", "s-" + i, ALERT, T0)));
		}
		this.ledger.insertNew(List.of(Delivery.scheduled("r-2", "s-0", ALERT, T0)));
		this.ledger.markSent(List.of("r-1:s-0", "r-1:s-1"), T0);
		this.ledger.markUnsent(List.of("r-1:s-2"), DeliveryStatus.SKIPPED, "subscriber is UNSUBSCRIBED", T0);
		assertThat(this.ledger.countByStatus("r-1")).containsEntry(DeliveryStatus.SCHEDULED, 2L)
			.containsEntry(DeliveryStatus.SENT, 2L)
			.containsEntry(DeliveryStatus.SKIPPED, 1L)
			.containsEntry(DeliveryStatus.FAILED, 0L);
		assertThat(this.ledger.countByStatus(null)).containsEntry(DeliveryStatus.SCHEDULED, 3L);
		assertThat(this.ledger.findByRecord("r-1", DeliveryStatus.SCHEDULED, PageRequest.of(0, 10)))
			.extracting(Delivery::subscriberId)
			.containsExactly("s-3", "s-4");
		assertThat(this.ledger.findByRecord("r-1", null, PageRequest.of(1, 2))).extracting(Delivery::subscriberId)
			.containsExactly("s-2", "s-3");
	}

}
