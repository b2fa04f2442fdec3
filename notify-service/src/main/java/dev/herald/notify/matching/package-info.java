/**
 * Matching published records to the active subscribers who follow their topics, through
 * an index and in pages, into the delivery ledger.
 */
package dev.herald.notify.matching;
