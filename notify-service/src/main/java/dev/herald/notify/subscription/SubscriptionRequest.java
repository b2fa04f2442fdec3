package dev.herald.notify.subscription;

import java.util.List;

import dev.herald.notify.search.SavedSearch;

/**
 * A subscribe request, from the JSON API or the subscribe form. Everything but the
 * address and the topics (or saved searches) may be left out.
 *
 * @param email the address
 * @param topics slugs of the topics to follow
 * @param language preferred language (BCP 47), English when absent
 * @param frequency {@code IMMEDIATE} (when absent), {@code DAILY} or {@code WEEKLY}
 * @param deliveryTime time of day of digests, {@code HH:mm}, 08:00 when absent
 * @param dayOfWeek day of weekly digests, such as {@code MONDAY} (when absent)
 * @param timeZone IANA time zone of the delivery time and the quiet hours, UTC when
 * absent
 * @param quietHours hours without immediate alerts, none when absent
 * @param searches saved searches (up to 10), none when absent
 */
public record SubscriptionRequest(String email, List<String> topics, String language, String frequency,
		String deliveryTime, String dayOfWeek, String timeZone, QuietHoursInput quietHours,
		List<SavedSearch> searches) {

	/**
	 * A request with the default schedule: immediate alerts.
	 * @param email the address
	 * @param topics the topics
	 * @param language the language
	 * @return the request
	 */
	public static SubscriptionRequest immediate(String email, List<String> topics, String language) {
		return new SubscriptionRequest(email, topics, language, null, null, null, null, null, null);
	}

	ScheduleInput schedule() {
		return new ScheduleInput(this.frequency, this.deliveryTime, this.dayOfWeek, this.timeZone, this.quietHours);
	}

}
