package dev.herald.bench.system;

/**
 * The highest memory use seen of one service during a run.
 *
 * @param heapBytes used heap
 * @param rssBytes resident set size
 */
public record MemoryPeak(long heapBytes, long rssBytes) {
}
