package dev.herald.notify.subscription;

import java.util.List;

/**
 * A subscription as its owner sees it.
 *
 * @param email the address
 * @param topics slugs of the topics followed
 * @param status where it stands
 * @param frequency how often alerts are sent
 * @param language preferred language
 */
record SubscriptionView(String email, List<String> topics, SubscriberStatus status, Frequency frequency,
		String language) {

	static SubscriptionView of(Subscriber subscriber) {
		return new SubscriptionView(subscriber.email(), subscriber.topics(), subscriber.status(),
				subscriber.frequency(), subscriber.language());
	}

}
