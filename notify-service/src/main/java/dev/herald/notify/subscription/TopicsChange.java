package dev.herald.notify.subscription;

import java.util.List;

/**
 * A change of a subscription's topics, through the manage link.
 *
 * @param topics slugs of the topics to follow from now on
 * @param language preferred language (BCP 47), unchanged when absent
 */
public record TopicsChange(List<String> topics, String language) {

}
