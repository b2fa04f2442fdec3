package dev.herald.bench.figures;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The rate at which a count climbs to a target: sampled often, it is measured from the
 * first sample above zero to the first at the target, so the start-up of the consumer
 * before its first write is left out.
 */
final class Drain {

	private Drain() {
	}

	/**
	 * Waits for a count and returns its rate.
	 * @param count reads the count
	 * @param target the count to reach
	 * @param timeout the longest wait
	 * @return units per second
	 */
	static double rate(DoubleSupplier count, long target, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long firstAt = 0;
		double first = 0;
		while (System.nanoTime() < deadline) {
			double now = count.getAsDouble();
			long at = System.nanoTime();
			if (firstAt == 0 && now > 0) {
				firstAt = at;
				first = now;
			}
			if (now >= target) {
				return (now - first) / Math.max(1e-3, (at - firstAt) / 1e9);
			}
			pause();
		}
		throw new IllegalStateException("Count stayed below " + target + " for " + timeout);
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
