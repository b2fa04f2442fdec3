package dev.herald.contracts;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One keyword rule of topics.yml as the taxonomy documents it: case-insensitive, on word
 * boundaries, words in sequence, a trailing {@code *} matching any word ending.
 */
record KeywordRule(String keyword, Pattern pattern) {

	private static final String WORD_CHAR = "[\\p{L}\\p{N}]";

	static KeywordRule of(String keyword) {
		String words = Arrays.stream(keyword.trim().split("\\s+"))
			.map(KeywordRule::word)
			.collect(Collectors.joining("\\s+"));
		String regex = "(?<!" + WORD_CHAR + ")" + words + "(?!" + WORD_CHAR + ")";
		return new KeywordRule(keyword, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
	}

	private static String word(String word) {
		if (word.endsWith("*")) {
			return Pattern.quote(word.substring(0, word.length() - 1)) + WORD_CHAR + "*";
		}
		return Pattern.quote(word);
	}

	boolean matches(String text) {
		return this.pattern.matcher(text).find();
	}

}
