/**
 * The figures of the bench, each measured beside its baseline.
 */
package dev.herald.bench.figures;
