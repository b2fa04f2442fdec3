package dev.herald.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.herald.notify.EmbeddedMongo;
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

	private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");

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
		this.mongo.dropCollection(DeliveryLedger.LEASES);
		this.ledger = new DeliveryLedger(this.mongo);
		this.ledger.afterPropertiesSet();
	}

	@Test
	void insertNewWhenSomeExistShouldInsertOnlyTheOthers() {
		assertThat(this.ledger.insertNew(List.of(entry("r", "s1"), entry("r", "s2")))).containsExactlyInAnyOrder("r:s1",
				"r:s2");
		Set<String> inserted = this.ledger.insertNew(List.of(entry("r", "s1"), entry("r", "s3"), entry("r", "s2")));
		assertThat(inserted).containsExactly("r:s3");
		assertThat(this.ledger.countByRecord("r", null)).isEqualTo(3);
	}

	@Test
	void claimShouldTakeOnlyPendingEntriesNotHeldByAnotherSender() {
		this.ledger.insertNew(List.of(entry("r", "a"), entry("r", "b"), entry("r", "c")));
		this.ledger.markSent("r:c", NOW);
		DeliveryLedger.Claim first = this.ledger.claim(List.of("r:a", "r:c"), "one", NOW, NOW.plusSeconds(300));
		assertThat(first.entries()).extracting(Delivery::id).containsExactly("r:a");
		assertThat(first.busy()).isEmpty();
		DeliveryLedger.Claim second = this.ledger.claim(List.of("r:a", "r:b", "r:c"), "two", NOW, NOW.plusSeconds(300));
		assertThat(second.entries()).extracting(Delivery::id).containsExactly("r:b");
		assertThat(second.busy()).containsExactly("r:a");
		DeliveryLedger.Claim afterLease = this.ledger.claim(List.of("r:a"), "three", NOW.plusSeconds(301),
				NOW.plusSeconds(600));
		assertThat(afterLease.entries()).extracting(Delivery::id).containsExactly("r:a");
		this.ledger.release(List.of("r:a"));
		assertThat(this.ledger.claim(List.of("r:a"), "four", NOW.plusSeconds(302), NOW.plusSeconds(600)).entries())
			.extracting(Delivery::id)
			.containsExactly("r:a");
	}

	@Test
	void markSentShouldMakeTheEntryUnclaimable() {
		this.ledger.insertNew(List.of(entry("r", "a")));
		this.ledger.claim(List.of("r:a"), "one", NOW, NOW.plusSeconds(300));
		this.ledger.markSent("r:a", NOW);
		Delivery sent = this.ledger.findById("r:a");
		assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(sent.sentAt()).isEqualTo(NOW);
		assertThat(sent.attempts()).isOne();
		DeliveryLedger.Claim whileHeld = this.ledger.claim(List.of("r:a"), "two", NOW, NOW.plusSeconds(300));
		assertThat(whileHeld.entries()).isEmpty();
		assertThat(whileHeld.busy()).as("an entry already sent is never waited for").isEmpty();
		this.ledger.release(List.of("r:a"));
		assertThat(this.ledger.claim(List.of("r:a"), "three", NOW, NOW.plusSeconds(300)).entries()).isEmpty();
	}

	@Test
	void markExhaustedShouldKeepTheLastReplyAndNeverTouchASentEntry() {
		this.ledger.insertNew(List.of(entry("r", "a"), entry("r", "b")));
		this.ledger.recordTransientFailure("r:a", "451 4.3.0 try later", NOW);
		this.ledger.markSent("r:b", NOW);
		assertThat(this.ledger.markExhausted("r:a", "fallback", NOW)).isTrue();
		assertThat(this.ledger.markExhausted("r:b", "fallback", NOW)).isFalse();
		assertThat(this.ledger.findById("r:a").lastError()).isEqualTo("retries exhausted: 451 4.3.0 try later");
		assertThat(this.ledger.findById("r:a").status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(this.ledger.findById("r:b").status()).isEqualTo(DeliveryStatus.SENT);
	}

	@Test
	void findDueForHandoffShouldReturnEntriesNeverHandedOffAndStalledOnes() {
		Instant old = NOW.minus(Duration.ofHours(2));
		this.ledger.insertNew(List.of(entry("r", "fresh", NOW), entry("r", "orphan", old), entry("r", "stalled", old),
				entry("r", "moving", old), entry("r", "sent", old)));
		this.ledger.markHandedOff(List.of("r:stalled", "r:sent"), old);
		this.ledger.markHandedOff(List.of("r:moving"), NOW);
		this.ledger.markSent("r:sent", old);
		List<Delivery> due = this.ledger.findDueForHandoff(NOW.minus(Duration.ofMinutes(2)),
				NOW.minus(Duration.ofHours(1)), 100);
		assertThat(due).extracting(Delivery::id).containsExactlyInAnyOrder("r:orphan", "r:stalled");
		assertThat(this.ledger.findNotHandedOff(List.of("r:fresh", "r:orphan", "r:stalled"))).extracting(Delivery::id)
			.containsExactlyInAnyOrder("r:fresh", "r:orphan");
	}

	@Test
	void findByRecordAndCountsShouldReportStatuses() {
		this.ledger.insertNew(List.of(entry("r", "a"), entry("r", "b"), entry("other", "a")));
		this.ledger.markFailed("r:b", "550 5.1.1 unknown", NOW);
		assertThat(this.ledger.findByRecord("r", null, PageRequest.of(0, 1))).extracting(Delivery::subscriberId)
			.containsExactly("a");
		assertThat(this.ledger.findByRecord("r", DeliveryStatus.FAILED, PageRequest.of(0, 10))).singleElement()
			.satisfies((failed) -> assertThat(failed.lastError()).isEqualTo("550 5.1.1 unknown"));
		assertThat(this.ledger.countByStatus()).containsEntry(DeliveryStatus.PENDING, 2L)
			.containsEntry(DeliveryStatus.FAILED, 1L)
			.containsEntry(DeliveryStatus.SENT, 0L);
		assertThat(this.ledger.requeueFailed("r", NOW)).extracting(Delivery::id).containsExactly("r:b");
		assertThat(this.ledger.countPending()).isEqualTo(3);
	}

	private static Delivery entry(String record, String subscriber) {
		return entry(record, subscriber, NOW);
	}

	private static Delivery entry(String record, String subscriber, Instant createdAt) {
		return Delivery.pending(record, subscriber, "<" + record + subscriber + "@test>", createdAt);
	}

}
