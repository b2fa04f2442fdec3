package dev.herald.notify.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.topic.TopicCatalog;

import org.springframework.stereotype.Component;

/**
 * Checks subscribe and change requests field by field.
 */
@Component
class SubscriptionValidator {

	static final int MAX_TOPICS = 50;

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

	private final TopicCatalog catalog;

	SubscriptionValidator(TopicCatalog catalog) {
		this.catalog = catalog;
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
		List<String> unknown = checkTopics(request.topics(), errors);
		String language = checkLanguage(request.language(), "en", errors);
		Schedule schedule = ScheduleValidator.validate(request.schedule(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidSubscriptionException(errors, unknown);
		}
		return new Valid(email, distinct(request.topics()), language, schedule);
	}

	Change validate(SubscriptionChange change) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> unknown = (change.topics() != null) ? checkTopics(change.topics(), errors) : List.of();
		String language = checkLanguage(change.language(), null, errors);
		Schedule schedule = change.schedule().isEmpty() ? null : ScheduleValidator.validate(change.schedule(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidSubscriptionException(errors, unknown);
		}
		return new Change((change.topics() != null) ? distinct(change.topics()) : null, language, schedule);
	}

	private List<String> checkTopics(List<String> topics, Map<String, String> errors) {
		if (topics == null || topics.isEmpty()) {
			errors.put("topics", "choose at least one topic");
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
		return topics.stream().distinct().toList();
	}

	record Valid(EmailAddress email, List<String> topics, String language, Schedule schedule) {
	}

	/**
	 * A valid change.
	 *
	 * @param topics the topics, or {@code null} to keep them
	 * @param language the language, or {@code null} to keep it
	 * @param schedule the schedule, or {@code null} to keep it
	 */
	record Change(List<String> topics, String language, Schedule schedule) {
	}

}
