/**
 * The ingest service: its entry point, configuration properties and metrics.
 */
package dev.herald.ingest;
