package dev.herald.contracts.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Turns text into search terms: the words of a record as the catalog stores them and
 * notify's saved searches match them, and the words of a query as alternatives to look up
 * there. One analysis for both, so that a saved search finds what the same search in the
 * catalog finds.
 * <p>
 * Words are NFKC-normalized, lower-cased and accent-folded; English and Russian stop
 * words are dropped; in records written in English or Russian, Latin words are stemmed
 * with the English Snowball stemmer and Cyrillic words with the Russian one, so that
 * {@code meetings} and {@code meeting}, {@code безопасности} and {@code безопасность}
 * meet. Words of other languages are kept unstemmed. A query word may match either its
 * stem or its unstemmed form, since a query does not say which language it expects.
 * <p>
 * Document symbols such as {@code A/75/906} are stored whole (lower-cased) and a query
 * word that looks like a symbol is looked up whole, not split at its slashes.
 */
public final class TextAnalyzer {

	private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.()*_-]*(/[A-Za-z0-9.()*_-]+)+");

	private static final Pattern SURROUNDING_PUNCTUATION = Pattern.compile("(^[\"'«]+)|([,;:!?\"'»]+$)");

	private static final Set<String> STEMMED_LANGUAGES = Set.of("en", "ru");

	private static final int STEMS_CACHED = 200_000;

	private final Analyzer tokens = new TokenAnalyzer();

	private final CharArraySet stopWords = stopWords();

	/**
	 * Stems of the words met so far: the records' vocabulary repeats, and a stemmer costs
	 * more than a lookup. Bounded, so that no input can grow it without end.
	 */
	private final Map<String, String> stems = new ConcurrentHashMap<>();

	private static CharArraySet stopWords() {
		CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
		for (Object word : RussianAnalyzer.getDefaultStopSet()) {
			words.add(new String((char[]) word).replace('ё', 'е'));
		}
		return CharArraySet.unmodifiableSet(words);
	}

	/**
	 * Returns the distinct search terms of a record, sorted.
	 * @param language the record's BCP 47 language tag
	 * @param texts the record's free-text fields, any of which may be {@code null}
	 * @param documentSymbols the record's document symbols
	 * @return the terms
	 */
	public List<String> recordTerms(String language, Collection<String> texts, Collection<String> documentSymbols) {
		// One pass over all the texts: a line break separates words as the end of a text
		// does.
		Set<String> terms = new HashSet<>(
				recordWords(language, texts.stream().filter(Objects::nonNull).collect(Collectors.joining("\n"))));
		for (String symbol : documentSymbols) {
			terms.add(symbol.toLowerCase(Locale.ROOT));
			terms.addAll(words(symbol));
		}
		List<String> sorted = new ArrayList<>(terms);
		Collections.sort(sorted);
		return sorted;
	}

	/**
	 * Returns the words of a record's text in order, as its terms hold them: stemmed in a
	 * record written in English or Russian.
	 * @param language the record's BCP 47 language tag
	 * @param text the text
	 * @return the words, stop words left out
	 */
	public List<String> recordWords(String language, String text) {
		List<String> words = words(text);
		if (STEMMED_LANGUAGES.contains(primaryLanguage(language))) {
			words.replaceAll(this::stem);
		}
		return words;
	}

	/**
	 * Analyzes a query. Each element of the result is one word of the query, given as the
	 * set of terms any of which satisfies it; a record matches when it satisfies them
	 * all. Stop words are dropped, so a query of stop words only gives an empty list.
	 * @param query the query as typed
	 * @return the alternatives of each query word, in query order
	 */
	public List<Set<String>> queryTerms(String query) {
		List<Set<String>> words = new ArrayList<>();
		for (String chunk : Normalizer.normalize(query, Normalizer.Form.NFKC).trim().split("\\s+")) {
			String symbol = SURROUNDING_PUNCTUATION.matcher(chunk).replaceAll("");
			if (SYMBOL.matcher(symbol).matches()) {
				words.add(Set.of(symbol.toLowerCase(Locale.ROOT)));
				continue;
			}
			for (String word : words(chunk)) {
				Set<String> forms = new LinkedHashSet<>();
				forms.add(stem(word));
				forms.add(word);
				words.add(forms);
			}
		}
		return words;
	}

	private List<String> words(String text) {
		List<String> words = new ArrayList<>();
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('ё', 'е').replace('Ё', 'Е');
		try (TokenStream stream = this.tokens.tokenStream("text", normalized)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				if (!this.stopWords.contains(term.buffer(), 0, term.length())) {
					words.add(term.toString());
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

	private String stem(String word) {
		String stem = this.stems.get(word);
		if (stem == null) {
			stem = stemmed(word);
			if (this.stems.size() < STEMS_CACHED) {
				this.stems.put(word, stem);
			}
		}
		return stem;
	}

	private static String stemmed(String word) {
		SnowballStemmer stemmer = switch (Character.UnicodeScript.of(word.codePointAt(0))) {
			case LATIN -> new EnglishStemmer();
			case CYRILLIC -> new RussianStemmer();
			default -> null;
		};
		if (stemmer == null) {
			return word;
		}
		stemmer.setCurrent(word);
		stemmer.stem();
		return stemmer.getCurrent();
	}

	private static String primaryLanguage(String language) {
		if (language == null) {
			return "";
		}
		int dash = language.indexOf('-');
		return ((dash < 0) ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
	}

}
