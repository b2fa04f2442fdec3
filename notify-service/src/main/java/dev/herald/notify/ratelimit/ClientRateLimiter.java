package dev.herald.notify.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.herald.notify.NotifyProperties;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits subscribe requests per client address with one token bucket each. The buckets
 * live in this instance's memory, bounded to the most recently seen clients; behind a
 * load balancer each instance enforces the limit on its share.
 */
@Component
public class ClientRateLimiter {

	private final int perMinute;

	private final Map<String, Bucket> buckets;

	@Autowired
	ClientRateLimiter(NotifyProperties properties) {
		this(properties.limits().requestsPerClientPerMinute(), properties.limits().clientsTracked());
	}

	ClientRateLimiter(int perMinute, int clientsTracked) {
		this.perMinute = perMinute;
		this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > clientsTracked;
			}

		};
	}

	/**
	 * A limiter of its own, for another kind of request than subscribing.
	 * @param perMinute requests allowed per client and minute
	 * @param clientsTracked clients remembered at most
	 * @return the limiter
	 */
	public static ClientRateLimiter perMinute(int perMinute, int clientsTracked) {
		return new ClientRateLimiter(perMinute, clientsTracked);
	}

	/**
	 * Take one request from the client's allowance.
	 * @param client the client address
	 * @throws RateLimitExceededException when the allowance is used up
	 */
	public void acquire(String client) {
		ConsumptionProbe probe = bucketOf(client).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw RateLimitExceededException.forClient(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	private Bucket bucketOf(String client) {
		synchronized (this.buckets) {
			return this.buckets.computeIfAbsent(client, (key) -> newBucket());
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.perMinute).refillGreedy(this.perMinute, Duration.ofMinutes(1)))
			.build();
	}

}
