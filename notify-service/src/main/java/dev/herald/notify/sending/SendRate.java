package dev.herald.notify.sending;

import java.time.Duration;

import dev.herald.notify.NotifyProperties;
import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's sending within {@code herald.notify.delivery.max-per-second},
 * shared by all sender threads; a relay that is sent more than it accepts answers with
 * 4xx replies, which only cost retries.
 */
@Component
public class SendRate {

	private final Bucket bucket;

	@Autowired
	SendRate(NotifyProperties properties) {
		this(properties.delivery().maxPerSecond());
	}

	SendRate(int maxPerSecond) {
		this.bucket = (maxPerSecond > 0) ? Bucket.builder()
			.addLimit((limit) -> limit.capacity(maxPerSecond).refillGreedy(maxPerSecond, Duration.ofSeconds(1)))
			.build() : null;
	}

	/**
	 * A rate that never waits.
	 * @return the rate
	 */
	static SendRate unlimited() {
		return new SendRate(0);
	}

	/**
	 * Waits until one more email may go.
	 * @throws InterruptedException when the sender thread is stopped meanwhile
	 */
	void acquire() throws InterruptedException {
		if (this.bucket != null) {
			this.bucket.asBlocking().consume(1);
		}
	}

	/**
	 * How many emails may go right now without waiting.
	 * @return the count, {@link Long#MAX_VALUE} without a limit
	 */
	long available() {
		return (this.bucket != null) ? this.bucket.getAvailableTokens() : Long.MAX_VALUE;
	}

}
