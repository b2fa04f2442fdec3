/**
 * The topic taxonomy from the contract and the keyword rules that classify a record's
 * text.
 */
package dev.herald.ingest.topic;
