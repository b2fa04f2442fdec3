package dev.herald.notify.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.search.SavedSearch;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A subscriber, stored in the {@code subscribers} collection.
 *
 * @param id random UUID
 * @param email the address as given, with its domain lower-cased; alerts go there
 * @param emailKey the address fully lower-cased: unique, so that an address subscribes
 * once whatever its case
 * @param topics slugs of the topics followed
 * @param status where the subscriber stands
 * @param schedule when emails go: immediately or in digests, at what time, in which time
 * zone, outside which quiet hours ({@code null} in subscribers stored before schedules:
 * immediate)
 * @param language preferred language (BCP 47)
 * @param createdAt first subscribe request
 * @param updatedAt last change
 * @param confirmedAt last confirmation
 * @param unsubscribedAt last unsubscribe
 * @param permanentFailures permanent delivery failures since the last successful one
 * @param tokenVersion the version that confirmation and manage links must carry: raised
 * when a subscribe request changes a subscription that is not active, on unsubscribing
 * and when an operator revokes the links, which voids every such link issued before (0
 * when stored before token versions)
 * @param searches saved searches, whose matching records are sent as the topics' are
 */
@Document(Subscriber.COLLECTION)
public record Subscriber(@Id String id, String email, String emailKey, List<String> topics, SubscriberStatus status,
		Schedule schedule, String language, Instant createdAt, Instant updatedAt, Instant confirmedAt,
		Instant unsubscribedAt, int permanentFailures, Long tokenVersion, List<SavedSearch> searches) {

	/**
	 * A subscriber; one stored before token versions has version 0.
	 */
	public Subscriber {
		tokenVersion = (tokenVersion != null) ? tokenVersion : 0L;
	}

	/** Name of the collection. */
	public static final String COLLECTION = "subscribers";

	/**
	 * Whether this subscriber follows at least one of the given topics.
	 * @param slugs topic slugs
	 * @return whether they intersect this subscriber's topics
	 */
	public boolean followsAny(Collection<String> slugs) {
		return this.topics != null && slugs != null && slugs.stream().anyMatch(this.topics::contains);
	}

	/**
	 * When this subscriber wants emails.
	 * @return the schedule, immediate when none was stored
	 */
	public Schedule scheduleOrDefault() {
		return Schedule.orDefault(this.schedule);
	}

	/**
	 * Whether this subscriber receives alerts.
	 * @return whether the status is active
	 */
	public boolean isActive() {
		return this.status == SubscriberStatus.ACTIVE;
	}

	/**
	 * The saved searches.
	 * @return them, empty when there are none
	 */
	public List<SavedSearch> searchesOrEmpty() {
		return (this.searches != null) ? this.searches : List.of();
	}

	/**
	 * Whether this subscriber still has a saved search of the given query.
	 * @param query the query
	 * @return whether one of its searches has it
	 */
	public boolean hasSearch(String query) {
		return query != null && searchesOrEmpty().stream().anyMatch((search) -> query.equals(search.query()));
	}

	/**
	 * The language of this subscriber's emails: its choice, English when it made none.
	 * @return the language
	 */
	public Locale locale() {
		return (this.language != null && !this.language.isBlank()) ? Locale.forLanguageTag(this.language)
				: Locale.ENGLISH;
	}

}
