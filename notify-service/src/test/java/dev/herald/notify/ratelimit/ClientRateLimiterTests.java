package dev.herald.notify.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ClientRateLimiterTests {

	private final ClientRateLimiter limiter = new ClientRateLimiter(10, 100);

	@Test
	void acquireWhenOverTenPerMinuteShouldRefuseWithRetryAfter() {
		for (int i = 0; i < 10; i++) {
			this.limiter.acquire("192.0.2.1");
		}
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> this.limiter.acquire("192.0.2.1"))
			.satisfies((ex) -> assertThat(ex.retryAfterSeconds()).isBetween(1L, 60L));
	}

	@Test
	void acquireShouldCountEachClientSeparately() {
		for (int i = 0; i < 10; i++) {
			this.limiter.acquire("192.0.2.2");
		}
		assertThatNoException().isThrownBy(() -> this.limiter.acquire("192.0.2.3"));
	}

	@Test
	void acquireWhenManyClientsShouldForgetTheOldestBeyondTheBound() {
		ClientRateLimiter small = new ClientRateLimiter(1, 100);
		small.acquire("198.51.100.0");
		for (int i = 1; i <= 100; i++) {
			small.acquire("198.51.100." + i);
		}
		assertThatNoException().isThrownBy(() -> small.acquire("198.51.100.0"));
	}

}
