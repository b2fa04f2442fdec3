package dev.herald.notify.ratelimit;

import java.time.Duration;

/**
 * A request refused by an abuse limit; answered with 429 and {@code Retry-After}.
 */
public class RateLimitExceededException extends RuntimeException {

	private final Duration retryAfter;

	private RateLimitExceededException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/**
	 * The client's allowance of requests is used up.
	 * @param retryAfter when it has room again
	 * @return the exception
	 */
	public static RateLimitExceededException forClient(Duration retryAfter) {
		return new RateLimitExceededException("Too many subscribe requests from this client", retryAfter);
	}

	/**
	 * The address's allowance of emails is used up.
	 * @param retryAfter when it has room again
	 * @return the exception
	 */
	public static RateLimitExceededException forAddress(Duration retryAfter) {
		return new RateLimitExceededException("Too many emails requested for this address", retryAfter);
	}

	/**
	 * How long to wait before trying again.
	 * @return the wait
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * The wait in whole seconds, at least one, for the {@code Retry-After} header.
	 * @return the seconds
	 */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
