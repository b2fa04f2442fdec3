/**
 * The delivery ledger (one entry per record and subscriber), the hand-off of matches to
 * senders over Kafka, and the senders themselves.
 */
package dev.herald.notify.delivery;
