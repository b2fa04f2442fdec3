/**
 * The figures of a run and the Markdown table they make.
 */
package dev.herald.bench.report;
