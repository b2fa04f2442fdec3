package dev.herald.contracts.topics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One topic of the taxonomy.
 *
 * @param slug stable identifier used in records, filters and subscriptions
 * @param label English label
 * @param description one-line description, in English
 * @param translations label and description in other languages, by language code
 * @param keywords keyword rules by language code (ingest's classification)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Topic(String slug, String label, String description, Map<String, Translation> translations,
		Map<String, List<String>> keywords) {

	public Topic {
		translations = (translations != null) ? Map.copyOf(translations) : Map.of();
		keywords = (keywords != null) ? Map.copyOf(keywords) : Map.of();
	}

	/**
	 * The label in a language, English when the taxonomy has none in it.
	 * @param locale the language
	 * @return the label
	 */
	public String label(Locale locale) {
		Translation translation = translation(locale);
		return (translation != null && translation.label() != null) ? translation.label() : this.label;
	}

	/**
	 * The description in a language, English when the taxonomy has none in it.
	 * @param locale the language
	 * @return the description
	 */
	public String description(Locale locale) {
		Translation translation = translation(locale);
		return (translation != null && translation.description() != null) ? translation.description()
				: this.description;
	}

	private Translation translation(Locale locale) {
		return (locale != null) ? this.translations.get(locale.getLanguage()) : null;
	}

	/**
	 * A topic's label and description in one language.
	 *
	 * @param label the label
	 * @param description the description
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Translation(String label, String description) {
	}

}
