package dev.herald.bench.figures;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The cumulative bucket counts of a timer's histogram (Prometheus's {@code _bucket}
 * series, by upper bound in seconds), and the quantiles of what was timed between two
 * readings: no window of recent samples to fill and then wait out, so rounds of load can
 * follow one another.
 *
 * @param counts cumulative count by upper bound, {@code +Inf} last
 */
record BucketCounts(NavigableMap<Double, Double> counts) {

	/**
	 * Reads the buckets from lines of a Prometheus page.
	 * @param lines the page's lines
	 * @param name the timer's Prometheus name, such as
	 * {@code herald_notify_searches_match_seconds}
	 * @return the counts, empty when the timer has no buckets
	 */
	static BucketCounts parse(Iterable<String> lines, String name) {
		String prefix = name + "_bucket{";
		NavigableMap<Double, Double> counts = new TreeMap<>();
		for (String line : lines) {
			int le = line.indexOf("le=\"");
			if (!line.startsWith(prefix) || le < 0) {
				continue;
			}
			String bound = line.substring(le + 4, line.indexOf('"', le + 4));
			double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
			counts.merge(upper, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
		}
		return new BucketCounts(counts);
	}

	/**
	 * What was counted since an earlier reading.
	 * @param earlier the earlier reading
	 * @return the counts of the samples in between
	 */
	BucketCounts since(BucketCounts earlier) {
		NavigableMap<Double, Double> counts = new TreeMap<>();
		this.counts.forEach((upper, count) -> counts.put(upper, count - earlier.counts.getOrDefault(upper, 0.0)));
		return new BucketCounts(counts);
	}

	/** How many samples were counted. */
	double total() {
		return this.counts.isEmpty() ? 0 : this.counts.lastEntry().getValue();
	}

	/**
	 * A quantile, as Prometheus's {@code histogram_quantile} estimates it: the bucket
	 * that holds the rank, interpolated linearly within it (the lowest bucket from 0); a
	 * rank in the {@code +Inf} bucket gives the highest finite bound.
	 * @param q the quantile, such as 0.99
	 * @return the value in the timer's unit, or {@code NaN} when nothing was counted
	 */
	double quantile(double q) {
		double total = total();
		if (total <= 0) {
			return Double.NaN;
		}
		double rank = q * total;
		double lower = 0;
		double below = 0;
		for (Map.Entry<Double, Double> bucket : this.counts.entrySet()) {
			double upper = bucket.getKey();
			double count = bucket.getValue();
			if (count >= rank) {
				if (Double.isInfinite(upper)) {
					return lower;
				}
				return (count == below) ? upper : lower + (upper - lower) * (rank - below) / (count - below);
			}
			lower = upper;
			below = count;
		}
		return lower;
	}

}
