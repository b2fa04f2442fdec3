package dev.herald.catalog.topic;

import java.util.Locale;
import java.util.Map;

/**
 * One topic of the taxonomy.
 *
 * @param slug stable identifier used in records and filters
 * @param label English label
 * @param description one-line description, in English
 * @param translations label and description in other languages, by language code
 */
public record Topic(String slug, String label, String description, Map<String, Translation> translations) {

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
		return (this.translations != null && locale != null) ? this.translations.get(locale.getLanguage()) : null;
	}

	/**
	 * A topic's label and description in one language.
	 *
	 * @param label the label
	 * @param description the description
	 */
	public record Translation(String label, String description) {
	}

}
