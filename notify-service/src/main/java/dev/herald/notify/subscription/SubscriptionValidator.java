package dev.herald.notify.subscription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.search.InvalidSearchException;
import dev.herald.notify.search.SavedSearch;
import dev.herald.notify.search.SearchSyntax;

import org.springframework.stereotype.Component;

/**
 * Checks subscribe and change requests field by field.
 */
@Component
class SubscriptionValidator {

	static final int MAX_TOPICS = 50;

	static final int MAX_SEARCHES = 10;

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

	private final Taxonomy catalog;

	private final SearchSyntax syntax;

	SubscriptionValidator(Taxonomy catalog, SearchSyntax syntax) {
		this.catalog = catalog;
		this.syntax = syntax;
	}

	Valid validate(SubscriptionRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		EmailAddress email = null;
		try {
			email = EmailAddress.parse(request.email());
		}
		catch (IllegalArgumentException ex) {
			errors.put("email", ex.getMessage());
		}
		List<SavedSearch> searches = checkSearches(request.searches(), errors);
		List<String> unknown = checkTopics(request.topics(), searches, errors);
		String language = checkLanguage(request.language(), "en", errors);
		Schedule schedule = ScheduleValidator.validate(request.schedule(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidSubscriptionException(errors, unknown);
		}
		return new Valid(email, distinct(request.topics()), language, schedule,
				(searches != null) ? searches : List.of());
	}

	Change validate(SubscriptionChange change) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<SavedSearch> searches = checkSearches(change.searches(), errors);
		List<String> unknown = (change.topics() != null) ? checkTopics(change.topics(), searches, errors) : List.of();
		String language = checkLanguage(change.language(), null, errors);
		Schedule schedule = change.schedule().isEmpty() ? null : ScheduleValidator.validate(change.schedule(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidSubscriptionException(errors, unknown);
		}
		return new Change((change.topics() != null) ? distinct(change.topics()) : null, language, schedule, searches);
	}

	/** Each search checked, blank filters dropped; {@code null} when none were given. */
	private List<SavedSearch> checkSearches(List<SavedSearch> searches, Map<String, String> errors) {
		if (searches == null) {
			return null;
		}
		if (searches.size() > MAX_SEARCHES) {
			errors.put("searches", "at most " + MAX_SEARCHES + " saved searches");
			return null;
		}
		List<SavedSearch> valid = new ArrayList<>();
		for (int i = 0; i < searches.size(); i++) {
			SavedSearch search = searches.get(i);
			if (search == null) {
				errors.put("searches[" + i + "]", "must be an object with a query");
				continue;
			}
			SavedSearch cleaned = new SavedSearch(orNull(search.query()), orNull(search.kind()),
					orNull(search.organization()), orNull(search.symbol()));
			try {
				this.syntax.check(cleaned);
				if (!valid.contains(cleaned)) {
					valid.add(cleaned);
				}
			}
			catch (InvalidSearchException ex) {
				errors.put("searches[" + i + "]", ex.getMessage());
			}
		}
		return valid;
	}

	private static String orNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private List<String> checkTopics(List<String> topics, List<SavedSearch> searches, Map<String, String> errors) {
		if (topics == null || topics.isEmpty()) {
			boolean searchRefused = errors.keySet().stream().anyMatch((field) -> field.startsWith("searches"));
			if ((searches == null || searches.isEmpty()) && !searchRefused) {
				errors.put("topics", "choose at least one topic or saved search");
			}
			return List.of();
		}
		if (topics.size() > MAX_TOPICS) {
			errors.put("topics", "at most " + MAX_TOPICS + " topics");
			return List.of();
		}
		if (topics.stream().anyMatch((topic) -> topic == null || topic.length() > 100)) {
			errors.put("topics", "topics must be slugs of known topics");
			return List.of();
		}
		List<String> unknown = this.catalog.unknown(topics);
		if (!unknown.isEmpty()) {
			errors.put("topics", "unknown topics: " + String.join(", ", unknown));
		}
		return unknown;
	}

	private static String checkLanguage(String language, String absent, Map<String, String> errors) {
		if (language == null || language.isBlank()) {
			return absent;
		}
		if (language.length() > 35 || !LANGUAGE.matcher(language).matches()) {
			errors.put("language", "must be a BCP 47 language tag such as en or ru");
			return absent;
		}
		return Locale.forLanguageTag(language).toLanguageTag();
	}

	private static List<String> distinct(List<String> topics) {
		return (topics != null) ? topics.stream().distinct().toList() : List.of();
	}

	record Valid(EmailAddress email, List<String> topics, String language, Schedule schedule,
			List<SavedSearch> searches) {
	}

	/**
	 * A valid change.
	 *
	 * @param topics the topics, or {@code null} to keep them
	 * @param language the language, or {@code null} to keep it
	 * @param schedule the schedule, or {@code null} to keep it
	 * @param searches the saved searches, or {@code null} to keep them
	 */
	record Change(List<String> topics, String language, Schedule schedule, List<SavedSearch> searches) {
	}

}
