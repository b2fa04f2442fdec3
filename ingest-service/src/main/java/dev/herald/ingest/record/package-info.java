/**
 * Posting records: reading and validating operators' input, assigning ids and topics, and
 * publishing record events to Kafka.
 */
package dev.herald.ingest.record;
