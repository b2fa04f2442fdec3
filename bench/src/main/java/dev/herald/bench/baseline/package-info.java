/**
 * The raw baselines each Herald figure is compared with.
 */
package dev.herald.bench.baseline;
