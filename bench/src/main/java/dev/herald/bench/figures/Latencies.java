package dev.herald.bench.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.herald.bench.report.Figure;
import dev.herald.bench.report.Stats;

/**
 * Latency samples of one repetition, in milliseconds, and the samples that never
 * completed.
 */
final class Latencies {

	private final List<Double> millis = new CopyOnWriteArrayList<>();

	private volatile int lost;

	void add(Instant from, Instant to) {
		this.millis.add(Duration.between(from, to).toNanos() / 1e6);
	}

	void lost(int count) {
		this.lost += count;
	}

	int size() {
		return this.millis.size();
	}

	/**
	 * Adds this repetition's p50 and p99 to their figures.
	 * @param p50 the figure of medians
	 * @param p99 the figure of 99th percentiles
	 * @param what what was measured, for the note
	 * @param wait how long the samples were awaited
	 */
	void addTo(Figure p50, Figure p99, String what, Duration wait) {
		if (this.millis.isEmpty()) {
			// Nothing completed within the wait: the wait is a lower bound of both.
			p50.add(wait.toMillis());
			p99.add(wait.toMillis());
			p99.note(p99.id() + ": none of the " + this.lost + " " + what + " completed within " + wait.toSeconds()
					+ " s; both percentiles are shown as that wait, a lower bound");
			return;
		}
		p50.add(Stats.percentile(this.millis, 50));
		p99.add(Stats.percentile(this.millis, 99));
		if (this.lost > 0) {
			p99.note(
					p99.id() + ": " + this.lost + " " + what + " did not complete within the wait and are not counted");
		}
	}

}
