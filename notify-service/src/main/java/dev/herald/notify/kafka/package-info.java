/**
 * Kafka plumbing shared by the listeners: error handling with back-off and dead-letter
 * topics, and CloudEvents headers.
 */
package dev.herald.notify.kafka;
