package dev.herald.ingest.topic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Classifies a record's text with the taxonomy's keyword rules. Matching is
 * case-insensitive, on word boundaries (Unicode letters and digits, so Cyrillic words are
 * words too), tolerant of Unicode normalization forms and of "ё" written as "е"; the
 * words of a keyword match in sequence across spaces or hyphens, and a word ending in
 * {@code *} matches any ending of that word.
 */
@Component
public class TopicClassifier {

	private static final String WORD_CHAR = "[\\p{L}\\p{N}\\p{M}_]";

	private final Taxonomy taxonomy;

	private final List<Rule> rules;

	public TopicClassifier(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
		this.rules = taxonomy.topics().stream().map(Rule::of).toList();
	}

	/**
	 * Returns the topics of a record: the given topics and those whose rules match any of
	 * the texts, in taxonomy order, without repeats.
	 * @param given topics the operator chose (known slugs)
	 * @param texts title, summary and body; {@code null}s are skipped
	 * @return the record's topics
	 */
	public List<String> topicsFor(Collection<String> given, String... texts) {
		String text = normalize(Stream.of(texts).filter(Objects::nonNull).collect(Collectors.joining("\n")));
		Set<String> chosen = new LinkedHashSet<>(given);
		List<String> topics = new ArrayList<>();
		for (Rule rule : this.rules) {
			if (chosen.contains(rule.slug()) || rule.matches(text)) {
				topics.add(rule.slug());
			}
		}
		return topics;
	}

	/**
	 * Returns the slugs whose rules match the text, in taxonomy order.
	 * @param text any text
	 * @return the matching slugs
	 */
	public List<String> classify(String text) {
		return topicsFor(List.of(), text);
	}

	Taxonomy taxonomy() {
		return this.taxonomy;
	}

	static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC)
			.toLowerCase(Locale.ROOT)
			.replace('ё', 'е')
			.replace('\u00AD', ' ');
	}

	private record Rule(String slug, Pattern pattern) {

		static Rule of(Taxonomy.Topic topic) {
			List<String> alternatives = topic.keywords()
				.values()
				.stream()
				.flatMap(List::stream)
				.map(String::strip)
				.filter((keyword) -> !keyword.isEmpty())
				.map(Rule::regex)
				.toList();
			String regex = alternatives.isEmpty() ? "(?!)" : String.join("|", alternatives);
			return new Rule(topic.slug(),
					Pattern.compile("(?<!" + WORD_CHAR + ")(?:" + regex + ")(?!" + WORD_CHAR + ")",
							Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
		}

		private static String regex(String keyword) {
			return Stream.of(normalize(keyword).split("[\\s\\-\u2010\u2011]+"))
				.map(Rule::word)
				.collect(Collectors.joining("[\\s\\-\u2010\u2011\u00A0]+"));
		}

		private static String word(String word) {
			return word.endsWith("*") ? Pattern.quote(word.substring(0, word.length() - 1)) + "[\\p{L}\\p{N}\\p{M}]*"
					: Pattern.quote(word);
		}

		boolean matches(String text) {
			return this.pattern.matcher(text).find();
		}

	}

}
