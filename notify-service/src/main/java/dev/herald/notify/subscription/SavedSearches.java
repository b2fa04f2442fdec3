package dev.herald.notify.subscription;

import java.time.Instant;
import java.util.List;

import dev.herald.notify.search.SavedSearch;

import org.springframework.data.annotation.Id;

/**
 * What the index of saved searches reads of a subscriber.
 *
 * @param id the subscriber id
 * @param status where the subscriber stands
 * @param searches its saved searches, {@code null} when none
 * @param updatedAt its last change
 */
public record SavedSearches(@Id String id, SubscriberStatus status, List<SavedSearch> searches, Instant updatedAt) {

	/**
	 * Whether its searches apply: it is active and has some.
	 * @return whether they do
	 */
	public boolean apply() {
		return this.status == SubscriberStatus.ACTIVE && this.searches != null && !this.searches.isEmpty();
	}

}
