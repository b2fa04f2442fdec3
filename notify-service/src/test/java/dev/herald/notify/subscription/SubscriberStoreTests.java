package dev.herald.notify.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.herald.notify.EmbeddedMongo;
import dev.herald.notify.MutableClock;
import dev.herald.notify.schedule.Schedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@DataMongoTest
class SubscriberStoreTests {

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		EmbeddedMongo.register(registry);
	}

	@Autowired
	private MongoTemplate mongo;

	private SubscriberStore store;

	private Followers followers;

	private Suppression suppression;

	@BeforeEach
	void createStore() {
		this.mongo.dropCollection(Subscriber.class);
		MutableClock clock = new MutableClock(Instant.parse("2024-03-01T10:00:00Z"));
		this.store = new SubscriberStore(this.mongo, clock, java.time.Duration.ofDays(7));
		this.followers = new Followers(this.mongo);
		this.suppression = new Suppression(this.mongo, clock);
		this.store.afterPropertiesSet();
	}

	@Test
	void subscriberStoredBeforeTokenVersionsShouldBeAtVersionZeroAndKeepWorking() {
		this.mongo.getCollection(Subscriber.COLLECTION)
			.insertOne(new org.bson.Document("_id", "legacy").append("email", "old@example.org")
				.append("emailKey", "old@example.org")
				.append("topics", List.of("peacekeeping"))
				.append("status", "PENDING")
				.append("language", "en")
				.append("permanentFailures", 0));
		assertThat(this.store.findById("legacy")).get().extracting(Subscriber::tokenVersion).isEqualTo(0L);
		assertThat(this.store.activate("legacy", 1)).get().extracting(Subscriber::isActive).isEqualTo(false);
		assertThat(this.store.activate("legacy", 0)).get().extracting(Subscriber::isActive).isEqualTo(true);
		assertThat(this.store.change("legacy", 0, List.of("cyber"), null, null, null)).isPresent();
		assertThat(this.store.unsubscribe("legacy")).get().extracting(Subscriber::tokenVersion).isEqualTo(1L);
		assertThat(this.store.change("legacy", 0, List.of("peacekeeping"), null, null, null)).isEmpty();
	}

	@Test
	void aPendingSubscriptionShouldExpireSevenDaysAfterItsRequestAndAConfirmedOneNever() {
		Subscriber pending = register("reader@example.org", "peacekeeping");
		assertThat(expiresAt(pending.id())).isEqualTo(java.util.Date.from(Instant.parse("2024-03-08T10:00:00Z")));
		assertThat(this.mongo.getCollection(Subscriber.COLLECTION).listIndexes())
			.anySatisfy((index) -> assertThat(index.get("key", org.bson.Document.class).keySet())
				.containsExactly(SubscriberStore.EXPIRES_AT))
			.filteredOn((index) -> index.get("key", org.bson.Document.class).containsKey(SubscriberStore.EXPIRES_AT))
			.allSatisfy((index) -> assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero());

		this.store.activate(pending.id(), 0);
		assertThat(expiresAt(pending.id())).isNull();

		this.store.unsubscribe(pending.id());
		register("reader@example.org", "cyber");
		assertThat(expiresAt(pending.id())).as("pending again").isNotNull();
	}

	private java.util.Date expiresAt(String id) {
		return this.mongo.getCollection(Subscriber.COLLECTION)
			.find(new org.bson.Document("_id", id))
			.first()
			.getDate(SubscriberStore.EXPIRES_AT);
	}

	@Test
	void registerWhenNewShouldCreateAPendingImmediateSubscriber() {
		Subscriber subscriber = register("Reader@Example.org", "peacekeeping");
		assertThat(subscriber.status()).isEqualTo(SubscriberStatus.PENDING);
		assertThat(subscriber.schedule()).isEqualTo(Schedule.immediate());
		assertThat(subscriber.email()).isEqualTo("Reader@example.org");
		assertThat(subscriber.emailKey()).isEqualTo("reader@example.org");
	}

	@Test
	void registerWhenTheSameAddressInAnotherCaseShouldKeepOneSubscriber() {
		Subscriber first = register("reader@example.org", "peacekeeping");
		Subscriber second = register("READER@example.org", "terrorism-extremism");
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.topics()).containsExactly("terrorism-extremism");
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Subscriber.class)).isOne();
	}

	@Test
	void registerWhenActiveShouldChangeNothing() {
		Subscriber subscriber = register("reader@example.org", "peacekeeping");
		this.store.activate(subscriber.id(), 0);
		Subscriber again = register("reader@example.org", "terrorism-extremism");
		assertThat(again.status()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(again.topics()).containsExactly("peacekeeping");
	}

	@Test
	void unsubscribeShouldBeIdempotentAndARegisterAfterItShouldStartOver() {
		Subscriber subscriber = register("reader@example.org", "peacekeeping");
		this.store.activate(subscriber.id(), 0);
		Subscriber first = this.store.unsubscribe(subscriber.id()).orElseThrow();
		Subscriber second = this.store.unsubscribe(subscriber.id()).orElseThrow();
		assertThat(second.status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(second.unsubscribedAt()).isEqualTo(first.unsubscribedAt());
		assertThat(this.store.activate(subscriber.id(), 0).orElseThrow().status())
			.isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(register("reader@example.org", "peacekeeping").status()).isEqualTo(SubscriberStatus.PENDING);
	}

	@Test
	void findActiveFollowingShouldPageThroughActiveFollowersInIdOrder() {
		List<String> followers = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			Subscriber subscriber = register("follower" + i + "@example.org", (i % 2 == 0) ? "peacekeeping" : "cyber");
			if (i % 5 != 0) {
				this.store.activate(subscriber.id(), 0);
				followers.add(subscriber.id());
			}
		}
		register("other@example.org", "knitting");
		List<String> found = new ArrayList<>();
		String last = null;
		List<String> page;
		do {
			page = this.followers.findActiveFollowing(List.of("peacekeeping", "cyber"), last, 7)
				.stream()
				.map(Follower::id)
				.toList();
			found.addAll(page);
			last = page.isEmpty() ? last : page.get(page.size() - 1);
		}
		while (page.size() == 7);
		assertThat(found).hasSize(20).doesNotHaveDuplicates().isSorted().containsExactlyInAnyOrderElementsOf(followers);
	}

	@Test
	void recordPermanentFailureShouldSuppressAtTheLimitAndClearFailuresShouldReset() {
		Subscriber subscriber = register("bouncy@example.org", "peacekeeping");
		this.store.activate(subscriber.id(), 0);
		assertThat(this.suppression.recordPermanentFailure(subscriber.id(), 3)).isFalse();
		this.suppression.clearFailures(subscriber.id());
		assertThat(this.suppression.recordPermanentFailure(subscriber.id(), 3)).isFalse();
		assertThat(this.suppression.recordPermanentFailure(subscriber.id(), 3)).isFalse();
		assertThat(this.suppression.recordPermanentFailure(subscriber.id(), 3)).isTrue();
		assertThat(this.store.findById(subscriber.id()).orElseThrow().status()).isEqualTo(SubscriberStatus.SUPPRESSED);
		assertThat(this.store.countByStatus()).containsEntry(SubscriberStatus.SUPPRESSED, 1L)
			.containsEntry(SubscriberStatus.ACTIVE, 0L);
	}

	private Subscriber register(String email, String topic) {
		return this.store.register(EmailAddress.parse(email), List.of(topic), "en", Schedule.immediate(), List.of());
	}

}
