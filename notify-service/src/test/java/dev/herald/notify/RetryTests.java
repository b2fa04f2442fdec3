package dev.herald.notify;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one back-off of the service: the first interval, multiplied per failure in a row,
 * never beyond its cap.
 */
class RetryTests {

	private final NotifyProperties.Retry retry = new NotifyProperties.Retry(Duration.ofSeconds(1), 2.0,
			Duration.ofSeconds(60));

	@Test
	void waitShouldGrowWithEachFailureInARowUpToTheLongestInterval() {
		assertThat(this.retry.after(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.retry.after(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.retry.after(6)).isEqualTo(Duration.ofSeconds(32));
		assertThat(this.retry.after(7)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.retry.after(10_000)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void waitShouldStopAtAGivenCap() {
		assertThat(this.retry.after(12, Duration.ofHours(1))).isEqualTo(Duration.ofMillis(2_048_000));
		assertThat(this.retry.after(13, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
	}

}
