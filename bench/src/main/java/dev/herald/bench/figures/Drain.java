package dev.herald.bench.figures;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import dev.herald.bench.report.Rate;
import dev.herald.bench.system.CpuTime;

/**
 * The rate at which a count climbs while a backlog drains, sampled every 200 ms. It is
 * measured from the moment a share of the backlog is done to the moment all of it is, so
 * that neither the writing of the backlog nor a consumer's first fetches count; the CPU
 * each process spent over the same span is kept with it.
 */
final class Drain {

	/** The share of the backlog done before the measurement starts. */
	static final double SKIPPED = 0.2;

	private static final Duration SAMPLING = Duration.ofMillis(200);

	private Drain() {
	}

	/**
	 * Waits for a count to climb by a backlog and returns its rate.
	 * @param count reads the count
	 * @param from the count before the backlog
	 * @param backlog the size of the backlog
	 * @param timeout the longest wait
	 * @param cpu reads the CPU time of the processes
	 * @return units per second, and CPU milliseconds per 1,000 units by process
	 */
	static Rate measure(DoubleSupplier count, double from, long backlog, Duration timeout, Supplier<CpuTime> cpu) {
		long deadline = System.nanoTime() + timeout.toNanos();
		double startCount = -1;
		long startAt = 0;
		CpuTime startCpu = null;
		while (System.nanoTime() < deadline) {
			double now = count.getAsDouble();
			long at = System.nanoTime();
			if (startCount < 0 && now >= from + SKIPPED * backlog) {
				startCount = now;
				startAt = at;
				startCpu = cpu.get();
			}
			if (now >= from + backlog && startCount >= 0 && at > startAt) {
				double done = now - startCount;
				return new Rate(done / ((at - startAt) / 1e9), cpu.get().millisPerThousandSince(startCpu, done));
			}
			pause();
		}
		throw new IllegalStateException("Count stayed below " + (from + backlog) + " for " + timeout);
	}

	/**
	 * Waits until a count reaches a value.
	 * @param count reads the count
	 * @param target the value
	 * @param timeout the longest wait
	 */
	static void await(DoubleSupplier count, double target, Duration timeout) {
		await(count, target, timeout, SAMPLING);
	}

	/**
	 * Waits until a count reaches a value, reading it at the given interval.
	 * @param count reads the count
	 * @param target the value
	 * @param timeout the longest wait
	 * @param every how often the count is read
	 */
	static void await(DoubleSupplier count, double target, Duration timeout, Duration every) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (count.getAsDouble() < target) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Count stayed below " + target + " for " + timeout);
			}
			pause(every);
		}
	}

	private static void pause() {
		pause(SAMPLING);
	}

	private static void pause(Duration every) {
		try {
			Thread.sleep(every.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
