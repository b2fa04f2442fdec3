package dev.herald.notify.ratelimit;

import java.time.Duration;

/**
 * A request refused by an abuse limit; answered with 429 and {@code Retry-After}.
 */
public class RateLimitExceededException extends RuntimeException {

	private final Duration retryAfter;

	private final String limit;

	private RateLimitExceededException(String message, String limit, Duration retryAfter) {
		super(message);
		this.limit = limit;
		this.retryAfter = retryAfter;
	}

	/**
	 * The client's allowance of requests is used up.
	 * @param retryAfter when it has room again
	 * @return the exception
	 */
	public static RateLimitExceededException forClient(Duration retryAfter) {
		return new RateLimitExceededException("Too many subscribe requests from this client", "client", retryAfter);
	}

	/**
	 * The address's allowance of emails is used up.
	 * @param retryAfter when it has room again
	 * @return the exception
	 */
	public static RateLimitExceededException forAddress(Duration retryAfter) {
		return new RateLimitExceededException("Too many emails requested for this address", "address", retryAfter);
	}

	/**
	 * Which limit refused: {@code client} or {@code address}.
	 * @return the limit's name
	 */
	public String limit() {
		return this.limit;
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
