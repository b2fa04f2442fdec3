package dev.herald.ingest.topic;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import dev.herald.contracts.topics.Taxonomy;

import org.springframework.stereotype.Component;

/**
 * Classifies a record's text with the taxonomy's keyword rules. Matching is
 * case-insensitive, on word boundaries (Unicode letters and digits, so Cyrillic words are
 * words too), tolerant of Unicode normalization forms, soft hyphens and of "ё" written as
 * "е"; the words of a keyword match in sequence across spaces or hyphens, and a word
 * ending in {@code *} matches any ending of that word.
 */
@Component
public class TopicClassifier {

	/** Characters that only hint at how to break or join text; ignored when matching. */
	private static final Pattern INVISIBLE = Pattern.compile("[\u00AD\u200C\u200D\u2060\uFEFF]");

	private final Taxonomy taxonomy;

	private final KeywordIndex keywords;

	public TopicClassifier(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
		this.keywords = new KeywordIndex(taxonomy.topics());
	}

	/**
	 * Returns the topics of a record: the given topics and those whose rules match any of
	 * the texts, in taxonomy order, without repeats.
	 * @param given topics the operator chose (known slugs)
	 * @param texts title, summary and body; {@code null}s are skipped
	 * @return the record's topics
	 */
	public List<String> topicsFor(Collection<String> given, String... texts) {
		StringJoiner joined = new StringJoiner("\n");
		for (String text : texts) {
			if (text != null) {
				joined.add(text);
			}
		}
		String text = normalize(joined.toString());
		Set<String> chosen = new LinkedHashSet<>(given);
		chosen.addAll(this.keywords.match(text));
		return this.taxonomy.slugs().stream().filter(chosen::contains).toList();
	}

	/**
	 * Returns the slugs whose rules match the text, in taxonomy order.
	 * @param text any text
	 * @return the matching slugs
	 */
	public List<String> classify(String text) {
		return topicsFor(List.of(), text);
	}

	static String normalize(String text) {
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('ё', 'е');
		return hasInvisible(composed) ? INVISIBLE.matcher(composed).replaceAll("") : composed;
	}

	private static boolean hasInvisible(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u00AD' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') {
				return true;
			}
		}
		return false;
	}

}
