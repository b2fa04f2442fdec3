package dev.herald.bench.report;

import java.util.Map;

/**
 * A measured rate and what it cost.
 *
 * @param perSecond units per second
 * @param cpuPerThousand CPU milliseconds per 1,000 units, by process
 */
public record Rate(double perSecond, Map<String, Double> cpuPerThousand) {
}
