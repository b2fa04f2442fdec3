package dev.herald.notify.ratelimit;

import java.time.Duration;
import java.time.Instant;

import dev.herald.notify.EmbeddedMongo;
import dev.herald.notify.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

@DataMongoTest
class AddressQuotaTests {

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		EmbeddedMongo.register(registry);
	}

	@Autowired
	private MongoTemplate mongo;

	private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T10:00:00Z"));

	private AddressQuota quota;

	@BeforeEach
	void createQuota() {
		this.mongo.dropCollection(AddressQuota.COLLECTION);
		this.quota = new AddressQuota(this.mongo, this.clock, 3, Duration.ofHours(24));
		this.quota.afterPropertiesSet();
	}

	@Test
	void acquireWhenThreeEmailsWereSentInTheWindowShouldRefuseTheFourthUntilTheFirstAgesOut() {
		this.quota.acquire("victim@example.org");
		this.clock.advance(Duration.ofHours(1));
		this.quota.acquire("victim@example.org");
		this.quota.acquire("victim@example.org");
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> this.quota.acquire("victim@example.org"))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofHours(23)));
		this.clock.advance(Duration.ofHours(23));
		assertThatNoException().isThrownBy(() -> this.quota.acquire("victim@example.org"));
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> this.quota.acquire("victim@example.org"));
	}

	@Test
	void acquireShouldCountEachAddressSeparately() {
		for (int i = 0; i < 3; i++) {
			this.quota.acquire("one@example.org");
		}
		assertThatNoException().isThrownBy(() -> this.quota.acquire("two@example.org"));
	}

	@Test
	void releaseShouldGiveTheSlotBack() {
		this.quota.acquire("reader@example.org");
		this.clock.advance(Duration.ofSeconds(1));
		this.quota.acquire("reader@example.org");
		this.clock.advance(Duration.ofSeconds(1));
		Instant third = this.quota.acquire("reader@example.org");
		this.quota.release("reader@example.org", third);
		assertThatNoException().isThrownBy(() -> this.quota.acquire("reader@example.org"));
	}

	@Test
	void acquireShouldHoldAcrossInstancesSharingTheDatabase() {
		AddressQuota other = new AddressQuota(this.mongo, this.clock, 3, Duration.ofHours(24));
		this.quota.acquire("shared@example.org");
		other.acquire("shared@example.org");
		this.quota.acquire("shared@example.org");
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> other.acquire("shared@example.org"));
	}

}
