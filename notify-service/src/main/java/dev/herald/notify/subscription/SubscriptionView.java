package dev.herald.notify.subscription;

import java.util.List;

import dev.herald.notify.schedule.Schedule;

/**
 * A subscription as its owner sees it.
 *
 * @param email the address
 * @param topics slugs of the topics followed
 * @param status where it stands
 * @param language preferred language
 * @param frequency how often emails go
 * @param deliveryTime time of day of digests
 * @param dayOfWeek day of weekly digests
 * @param timeZone time zone of the delivery time and quiet hours
 * @param quietHours hours without immediate alerts, or {@code null}
 */
record SubscriptionView(String email, List<String> topics, SubscriberStatus status, String language, String frequency,
		String deliveryTime, String dayOfWeek, String timeZone, QuietHoursInput quietHours) {

	static SubscriptionView of(Subscriber subscriber) {
		Schedule schedule = subscriber.scheduleOrDefault();
		QuietHoursInput quiet = (schedule.quietFrom() != null)
				? new QuietHoursInput(schedule.quietFrom(), schedule.quietTo()) : null;
		return new SubscriptionView(subscriber.email(), subscriber.topics(), subscriber.status(), subscriber.language(),
				schedule.frequency().name(), schedule.deliveryTime().toString(), schedule.deliveryDay().name(),
				schedule.zoneId().getId(), quiet);
	}

}
