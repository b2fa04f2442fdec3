/**
 * Consumption of published records: reading and validating each message against the
 * contract, and storing each poll as one idempotent bulk upsert.
 */
package dev.herald.catalog.ingest;
