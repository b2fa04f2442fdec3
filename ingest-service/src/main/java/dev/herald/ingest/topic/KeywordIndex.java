package dev.herald.ingest.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword rules of a taxonomy, indexed by their first letter, matched word by word
 * against a text split into words once: fast enough for a batch of long texts, and exact
 * about word boundaries. A word is a run of Unicode letters, digits, marks and
 * underscores; the words of a keyword match consecutive words of the text separated by
 * white space or hyphens only (or by exactly the punctuation the keyword itself has); a
 * keyword word ending in {@code *} matches any word that begins with it.
 * <p>
 * Texts and keywords must be normalized alike ({@link TopicClassifier#normalize}).
 */
final class KeywordIndex {

	private final Map<Integer, List<Keyword>> byFirstLetter = new HashMap<>();

	KeywordIndex(List<Taxonomy.Topic> topics) {
		for (Taxonomy.Topic topic : topics) {
			topic.keywords()
				.values()
				.stream()
				.flatMap(List::stream)
				.map((keyword) -> Keyword.parse(topic.slug(), TopicClassifier.normalize(keyword)))
				.filter((keyword) -> keyword != null)
				.forEach((keyword) -> this.byFirstLetter
					.computeIfAbsent(keyword.words().get(0).codePointAt(0), (letter) -> new ArrayList<>())
					.add(keyword));
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
			List<Keyword> candidates = this.byFirstLetter.get(tokens.get(i).word().codePointAt(0));
			if (candidates != null) {
				for (Keyword keyword : candidates) {
					if (!slugs.contains(keyword.slug()) && keyword.matchesAt(tokens, i)) {
						slugs.add(keyword.slug());
					}
				}
			}
		}
		return slugs;
	}

	static Tokens tokenize(String text) {
		List<Token> tokens = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		StringBuilder gap = new StringBuilder();
		text.codePoints().forEach((codePoint) -> {
			if (isWordCharacter(codePoint)) {
				word.appendCodePoint(codePoint);
				return;
			}
			if (!word.isEmpty()) {
				tokens.add(new Token(word.toString(), gap.toString()));
				word.setLength(0);
				gap.setLength(0);
			}
			gap.appendCodePoint(codePoint);
		});
		if (!word.isEmpty()) {
			tokens.add(new Token(word.toString(), gap.toString()));
			gap.setLength(0);
		}
		return new Tokens(tokens, gap.toString());
	}

	private static boolean isWordCharacter(int codePoint) {
		return Character.isLetterOrDigit(codePoint) || codePoint == '_'
				|| Character.getType(codePoint) == Character.NON_SPACING_MARK
				|| Character.getType(codePoint) == Character.COMBINING_SPACING_MARK
				|| Character.getType(codePoint) == Character.ENCLOSING_MARK;
	}

	/** Whether a gap between words is only white space and hyphens. */
	static boolean isSoftGap(String gap) {
		return !gap.isEmpty() && gap.codePoints()
			.allMatch((c) -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '\u2010'
					|| c == '\u2011');
	}

	/**
	 * A word of a text and what separates it from the word before.
	 *
	 * @param word the word
	 * @param gap the characters between the previous word and this one
	 */
	record Token(String word, String gap) {
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
				if (i > 0 && !gapMatches(this.gaps.get(i - 1), token.gap())) {
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

		private static boolean gapMatches(String required, String gap) {
			return (required != null) ? required.equals(gap) : isSoftGap(gap);
		}

	}

}
