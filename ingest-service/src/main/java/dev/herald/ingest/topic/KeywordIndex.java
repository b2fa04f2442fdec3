package dev.herald.ingest.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.herald.contracts.topics.Topic;

/**
 * The keyword rules of a taxonomy, indexed by their first word (by its first letter when
 * that word is a prefix), matched word by word against a text split into words once: fast
 * enough for a batch of long texts, and exact about word boundaries. A word is a run of
 * Unicode letters, digits, marks and underscores; the words of a keyword match
 * consecutive words of the text separated by white space or hyphens only (or by exactly
 * the punctuation the keyword itself has); a keyword word ending in {@code *} matches any
 * word that begins with it.
 * <p>
 * Texts and keywords must be normalized alike ({@link TopicClassifier#normalize}).
 */
final class KeywordIndex {

	/** Keywords whose first word must match a word of the text whole, by that word. */
	private final Map<String, List<Keyword>> byFirstWord = new HashMap<>();

	/** Keywords whose first word is a prefix, by its first character. */
	@SuppressWarnings("unchecked")
	private final List<Keyword>[] prefixedByFirstChar = new List[Character.MAX_VALUE + 1];

	KeywordIndex(List<Topic> topics) {
		for (Topic topic : topics) {
			topic.keywords()
				.values()
				.stream()
				.flatMap(List::stream)
				.map((keyword) -> Keyword.parse(topic.slug(), TopicClassifier.normalize(keyword)))
				.filter((keyword) -> keyword != null)
				.forEach(this::add);
		}
	}

	private void add(Keyword keyword) {
		String first = keyword.words().get(0);
		if (keyword.prefix().get(0)) {
			char letter = first.charAt(0);
			if (this.prefixedByFirstChar[letter] == null) {
				this.prefixedByFirstChar[letter] = new ArrayList<>();
			}
			this.prefixedByFirstChar[letter].add(keyword);
		}
		else {
			this.byFirstWord.computeIfAbsent(first, (word) -> new ArrayList<>()).add(keyword);
		}
	}

	/**
	 * Returns the slugs of the topics with a keyword in the text.
	 * @param text a normalized text
	 * @return the matching slugs
	 */
	Set<String> match(String text) {
		List<Token> tokens = tokenize(text).tokens();
		Set<String> slugs = new HashSet<>();
		for (int i = 0; i < tokens.size(); i++) {
			String word = tokens.get(i).word();
			matchAt(this.byFirstWord.get(word), tokens, i, slugs);
			matchAt(this.prefixedByFirstChar[word.charAt(0)], tokens, i, slugs);
		}
		return slugs;
	}

	private static void matchAt(List<Keyword> candidates, List<Token> tokens, int start, Set<String> slugs) {
		if (candidates != null) {
			for (Keyword keyword : candidates) {
				if (!slugs.contains(keyword.slug()) && keyword.matchesAt(tokens, start)) {
					slugs.add(keyword.slug());
				}
			}
		}
	}

	static Tokens tokenize(String text) {
		List<Token> tokens = new ArrayList<>();
		int gapStart = 0;
		int i = 0;
		while (i < text.length()) {
			int codePoint = text.codePointAt(i);
			if (!isWordCharacter(codePoint)) {
				i += Character.charCount(codePoint);
				continue;
			}
			int wordStart = i;
			while (i < text.length() && isWordCharacter(codePoint = text.codePointAt(i))) {
				i += Character.charCount(codePoint);
			}
			tokens.add(new Token(text.substring(wordStart, i), text, gapStart, wordStart));
			gapStart = i;
		}
		return new Tokens(tokens, text.substring(gapStart));
	}

	private static boolean isWordCharacter(int codePoint) {
		if (codePoint < 0x80) {
			return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
					|| (codePoint >= '0' && codePoint <= '9') || codePoint == '_';
		}
		if (Character.isLetterOrDigit(codePoint)) {
			return true;
		}
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	/** Whether a gap between words is only white space and hyphens. */
	static boolean isSoftGap(String gap) {
		return isSoftGap(gap, 0, gap.length());
	}

	/**
	 * Whether characters {@code from} to {@code to} of a text, a gap, are only white
	 * space and hyphens.
	 */
	private static boolean isSoftGap(String text, int from, int to) {
		if (from == to) {
			return false;
		}
		for (int i = from; i < to; i++) {
			// White space and hyphens are all in the Basic Multilingual Plane.
			char c = text.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-' && c != '\u2010' && c != '\u2011') {
				return false;
			}
		}
		return true;
	}

	/**
	 * A word of a text and what separates it from the word before. The gap is cut from
	 * the text only when a keyword of several words asks for it: most words match no
	 * keyword.
	 *
	 * @param word the word
	 * @param text the text the word is in
	 * @param gapStart where the characters between the previous word and this one begin
	 * @param gapEnd where they end: where the word begins
	 */
	record Token(String word, String text, int gapStart, int gapEnd) {

		/**
		 * The characters between the previous word and this one.
		 * @return the gap, empty if there is none
		 */
		String gap() {
			return this.text.substring(this.gapStart, this.gapEnd);
		}

		/** Whether the gap is exactly the given characters. */
		boolean gapEquals(String required) {
			return this.gapEnd - this.gapStart == required.length()
					&& this.text.regionMatches(this.gapStart, required, 0, required.length());
		}

		/** Whether the gap is only white space and hyphens. */
		boolean gapIsSoft() {
			return isSoftGap(this.text, this.gapStart, this.gapEnd);
		}

	}

	/**
	 * A text split into words.
	 *
	 * @param tokens the words
	 * @param trailing the characters after the last word
	 */
	record Tokens(List<Token> tokens, String trailing) {
	}

	/**
	 * One keyword rule.
	 *
	 * @param slug the topic it belongs to
	 * @param words its words
	 * @param prefix for each word, whether it matches any word beginning with it
	 * @param gaps for each word after the first, what must separate it from the one
	 * before: {@code null} for white space or hyphens, else that exact punctuation
	 */
	record Keyword(String slug, List<String> words, List<Boolean> prefix, List<String> gaps) {

		static Keyword parse(String slug, String keyword) {
			Tokens tokens = tokenize(keyword);
			if (tokens.tokens().isEmpty()) {
				return null;
			}
			List<String> words = new ArrayList<>();
			List<Boolean> prefix = new ArrayList<>();
			List<String> gaps = new ArrayList<>();
			for (int i = 0; i < tokens.tokens().size(); i++) {
				Token token = tokens.tokens().get(i);
				String after = (i + 1 < tokens.tokens().size()) ? tokens.tokens().get(i + 1).gap() : tokens.trailing();
				words.add(token.word());
				prefix.add(after.startsWith("*"));
				if (i > 0) {
					String gap = token.gap().startsWith("*") ? token.gap().substring(1) : token.gap();
					gaps.add(isSoftGap(gap) ? null : gap);
				}
			}
			return new Keyword(slug, List.copyOf(words), List.copyOf(prefix),
					java.util.Collections.unmodifiableList(gaps));
		}

		boolean matchesAt(List<Token> tokens, int start) {
			if (start + this.words.size() > tokens.size()) {
				return false;
			}
			for (int i = 0; i < this.words.size(); i++) {
				Token token = tokens.get(start + i);
				if (i > 0 && !gapMatches(this.gaps.get(i - 1), token)) {
					return false;
				}
				boolean matches = this.prefix.get(i) ? token.word().startsWith(this.words.get(i))
						: token.word().equals(this.words.get(i));
				if (!matches) {
					return false;
				}
			}
			return true;
		}

		private static boolean gapMatches(String required, Token token) {
			return (required != null) ? token.gapEquals(required) : token.gapIsSoft();
		}

	}

}
