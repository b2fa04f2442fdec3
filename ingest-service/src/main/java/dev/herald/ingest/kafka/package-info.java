/**
 * Kafka wiring: the records topic's declaration and the broker's health indicator.
 */
package dev.herald.ingest.kafka;
