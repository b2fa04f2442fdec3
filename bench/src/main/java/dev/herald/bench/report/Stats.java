package dev.herald.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median, minimum and maximum of repeated measurements, and percentiles of samples.
 */
public final class Stats {

	private Stats() {
	}

	/**
	 * The median.
	 * @param values the values, not empty
	 * @return the middle value, or the mean of the two middle ones
	 */
	public static double median(List<Double> values) {
		List<Double> sorted = sorted(values);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	public static double min(List<Double> values) {
		return Collections.min(values);
	}

	public static double max(List<Double> values) {
		return Collections.max(values);
	}

	/**
	 * A percentile by the nearest-rank method.
	 * @param samples the samples, not empty
	 * @param percentile between 0 and 100
	 * @return the smallest sample at or above that share of the samples
	 */
	public static double percentile(List<Double> samples, double percentile) {
		List<Double> sorted = sorted(samples);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
	}

	private static List<Double> sorted(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No values");
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted;
	}

}
