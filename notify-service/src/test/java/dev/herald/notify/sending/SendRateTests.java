package dev.herald.notify.sending;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SendRate}.
 */
class SendRateTests {

	@Test
	void limitedRateWhenItsSecondIsSpentShouldHaveNoEmailLeft() throws InterruptedException {
		SendRate rate = new SendRate(3);
		assertThat(rate.available()).isEqualTo(3);

		rate.acquire();
		rate.acquire();
		rate.acquire();

		assertThat(rate.available()).isZero();
	}

	@Test
	void unlimitedRateShouldAlwaysHaveEmailsLeft() throws InterruptedException {
		SendRate rate = SendRate.unlimited();
		for (int i = 0; i < 10_000; i++) {
			rate.acquire();
		}

		assertThat(rate.available()).isEqualTo(Long.MAX_VALUE);
	}

}
