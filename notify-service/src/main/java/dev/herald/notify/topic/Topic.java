package dev.herald.notify.topic;

/**
 * One topic of the taxonomy.
 *
 * @param slug stable identifier used in events and subscriptions
 * @param label English label shown to subscribers
 * @param description one-line description
 */
public record Topic(String slug, String label, String description) {

}
