package dev.herald.catalog.topic;

/**
 * One topic of the taxonomy.
 *
 * @param slug stable identifier used in events, filters and subscriptions
 * @param label English label
 * @param description one-line description
 */
public record Topic(String slug, String label, String description) {
}
