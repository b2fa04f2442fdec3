/**
 * The topic taxonomy from the contract's {@code topics.yml}, and the count of records in
 * each topic.
 */
package dev.herald.catalog.topic;
