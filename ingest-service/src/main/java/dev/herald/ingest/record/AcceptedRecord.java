package dev.herald.ingest.record;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to an accepted record: Kafka has acknowledged it.
 *
 * @param id the record's id
 * @param topics its topics: the operator's and those its text matched
 * @param publishedAt when it was accepted
 */
record AcceptedRecord(UUID id, List<String> topics, Instant publishedAt) {
}
