package dev.herald.notify.subscription;

import java.util.List;

/**
 * A subscribe request, from the JSON API or the subscribe form.
 *
 * @param email the address
 * @param topics slugs of the topics to follow
 * @param language preferred language (BCP 47), English when absent
 */
public record SubscriptionRequest(String email, List<String> topics, String language) {

}
