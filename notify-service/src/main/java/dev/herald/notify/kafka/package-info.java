/**
 * Kafka plumbing shared by the listeners: error handling with back-off and dead-letter
 * topics, CloudEvents headers, and the broker's health.
 */
package dev.herald.notify.kafka;
