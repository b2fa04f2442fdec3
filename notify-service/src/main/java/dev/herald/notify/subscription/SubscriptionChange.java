package dev.herald.notify.subscription;

import java.util.List;

import dev.herald.notify.search.SavedSearch;

/**
 * A change of a subscription through the manage link. The schedule fields go together:
 * when any is given, the schedule becomes what they say (defaults for the others); when
 * none is, the schedule stays as it is.
 *
 * @param topics slugs of the topics to follow from now on; absent to keep them
 * @param language preferred language (BCP 47), unchanged when absent
 * @param frequency {@code IMMEDIATE}, {@code DAILY} or {@code WEEKLY}
 * @param deliveryTime time of day of digests, {@code HH:mm}
 * @param dayOfWeek day of weekly digests
 * @param timeZone IANA time zone
 * @param quietHours hours without immediate alerts
 * @param searches saved searches (up to 10), unchanged when absent
 */
public record SubscriptionChange(List<String> topics, String language, String frequency, String deliveryTime,
		String dayOfWeek, String timeZone, QuietHoursInput quietHours, List<SavedSearch> searches) {

	/**
	 * A change of topics and language alone.
	 * @param topics the topics
	 * @param language the language, or {@code null}
	 * @return the change
	 */
	public static SubscriptionChange topics(List<String> topics, String language) {
		return new SubscriptionChange(topics, language, null, null, null, null, null, null);
	}

	ScheduleInput schedule() {
		return new ScheduleInput(this.frequency, this.deliveryTime, this.dayOfWeek, this.timeZone, this.quietHours);
	}

}
