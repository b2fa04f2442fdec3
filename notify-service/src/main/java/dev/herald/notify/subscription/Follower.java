package dev.herald.notify.subscription;

import java.util.Collection;
import java.util.List;

import dev.herald.notify.schedule.Schedule;

import org.springframework.data.annotation.Id;

/**
 * What matching reads of an active subscriber: its topics and its schedule.
 *
 * @param id the subscriber's id
 * @param topics the topics it follows
 * @param schedule when it wants emails, or {@code null} for immediately
 */
public record Follower(@Id String id, List<String> topics, Schedule schedule) {

	/**
	 * Whether it follows any of the given topics.
	 * @param slugs topic slugs
	 * @return whether they intersect its topics
	 */
	public boolean followsAny(Collection<String> slugs) {
		return this.topics != null && slugs != null && slugs.stream().anyMatch(this.topics::contains);
	}

	/**
	 * When it wants emails.
	 * @return the schedule, immediate when none was stored
	 */
	public Schedule scheduleOrDefault() {
		return Schedule.orDefault(this.schedule);
	}

}
