package dev.herald.notify.subscription;

/**
 * The schedule fields of a request, as given.
 *
 * @param frequency how often
 * @param deliveryTime time of day of digests
 * @param dayOfWeek day of weekly digests
 * @param timeZone IANA time zone
 * @param quietHours hours without immediate alerts
 */
record ScheduleInput(String frequency, String deliveryTime, String dayOfWeek, String timeZone,
		QuietHoursInput quietHours) {

	boolean isEmpty() {
		return this.frequency == null && this.deliveryTime == null && this.dayOfWeek == null && this.timeZone == null
				&& this.quietHours == null;
	}

}
