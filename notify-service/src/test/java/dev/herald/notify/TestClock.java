package dev.herald.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of the integration tests' service: the system's, moved forward by the tests
 * that need a later time (a digest's hour, the end of quiet hours, a change of
 * daylight-saving time). It only ever moves forward, so that tests sharing the service
 * see time as the service does: leases, tokens and schedules stay consistent.
 */
public final class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public synchronized void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("The test clock only moves forward");
		}
		this.offset = this.offset.plus(duration);
	}

	/**
	 * Moves the clock forward to a moment.
	 * @param moment a moment after the clock's time
	 */
	public synchronized void advanceTo(Instant moment) {
		advance(Duration.between(instant(), moment));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

}
