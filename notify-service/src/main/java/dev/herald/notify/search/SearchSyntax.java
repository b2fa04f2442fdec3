package dev.herald.notify.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.herald.contracts.text.TextAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The syntax of saved searches, and their Lucene queries.
 * <p>
 * A search is words and quoted phrases; all must occur unless joined by {@code OR}
 * ({@code A OR B C} is "A or B, and C"); {@code NOT} before a word or phrase excludes
 * records that have it. Each word matches its other forms (English and Russian stemming,
 * case, accents, ё and е), as in the catalog's search. Anything else (wildcards, regular
 * expressions, fields, brackets, control characters) is refused, never interpreted.
 */
public final class SearchSyntax {

	/** Most characters in a search. */
	public static final int MAX_LENGTH = 300;

	/** Most words and phrases in a search. */
	public static final int MAX_TERMS = 20;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{Mn}'’./-]*[\\p{L}\\p{N}])?");

	private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[«]+|[»,;:.!?]+$");

	private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./()_-]{0,99}\\*?");

	private static final Set<String> KINDS = Set.of("MEETING", "STATEMENT");

	private final TextAnalyzer analyzer;

	/**
	 * The syntax, analysing words as the catalog does.
	 * @param analyzer the catalog's text analysis
	 */
	public SearchSyntax(TextAnalyzer analyzer) {
		this.analyzer = analyzer;
	}

	/**
	 * The query of a saved search.
	 * @param search the saved search
	 * @return its query
	 * @throws InvalidSearchException when it cannot be used, saying why
	 */
	public Query query(SavedSearch search) {
		Query text = text(search.query());
		if (search.kind() == null && search.organization() == null && search.symbol() == null) {
			return text;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(text, Occur.MUST);
		if (search.kind() != null) {
			if (!KINDS.contains(search.kind())) {
				throw new InvalidSearchException("kind must be MEETING or STATEMENT");
			}
			query.add(new TermQuery(new Term(SearchDocument.KIND, search.kind())), Occur.FILTER);
		}
		if (search.organization() != null) {
			if (search.organization().isBlank() || search.organization().length() > 200
					|| hasControlCharacter(search.organization())) {
				throw new InvalidSearchException("organization must be 1 to 200 characters of text");
			}
			query.add(new TermQuery(
					new Term(SearchDocument.ORGANIZATION, SearchDocument.organizationKey(search.organization()))),
					Occur.FILTER);
		}
		if (search.symbol() != null) {
			if (!SYMBOL.matcher(search.symbol()).matches()) {
				throw new InvalidSearchException("symbol must be a document symbol such as A/75/906, "
						+ "or its beginning followed by * such as A/75/*");
			}
			String symbol = search.symbol().toLowerCase(Locale.ROOT);
			query.add(symbol.endsWith("*")
					? new PrefixQuery(new Term(SearchDocument.SYMBOL, symbol.substring(0, symbol.length() - 1)))
					: new TermQuery(new Term(SearchDocument.SYMBOL, symbol)), Occur.FILTER);
		}
		return query.build();
	}

	/**
	 * Checks a saved search.
	 * @param search the saved search
	 * @throws InvalidSearchException when it cannot be used, saying why
	 */
	public void check(SavedSearch search) {
		query(search);
	}

	private Query text(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidSearchException("query must not be empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidSearchException("query must be at most " + MAX_LENGTH + " characters");
		}
		if (hasControlCharacter(text)) {
			throw new InvalidSearchException("query must not contain control characters");
		}
		List<Group> groups = groups(tokens(text));
		if (groups.size() == 1 && !groups.get(0).negated() && groups.get(0).atoms().size() == 1) {
			// The commonest search, one word or phrase, as the smallest query.
			Query only = atom(groups.get(0).atoms().get(0));
			if (only != null) {
				return only;
			}
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		boolean required = false;
		for (Group group : groups) {
			if (group.negated()) {
				Query excluded = atom(group.atoms().get(0));
				if (excluded != null) {
					query.add(excluded, Occur.MUST_NOT);
				}
				continue;
			}
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			int alternatives = 0;
			for (String atom : group.atoms()) {
				Query alternative = atom(atom);
				if (alternative != null) {
					any.add(alternative, Occur.SHOULD);
					alternatives++;
				}
			}
			if (alternatives > 0) {
				query.add(any.build(), Occur.MUST);
				required = true;
			}
		}
		if (!required) {
			throw new InvalidSearchException(
					"query needs at least one word that must occur (NOT alone, or only very common words, match nothing useful)");
		}
		return query.build();
	}

	/**
	 * A word or phrase as a query over the analysed words, or null if only stop words.
	 */
	private Query atom(String atom) {
		List<Set<String>> words = this.analyzer.queryTerms(atom);
		if (words.isEmpty()) {
			return null;
		}
		if (words.size() == 1) {
			return anyOf(words.get(0));
		}
		MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
		for (Set<String> forms : words) {
			phrase.add(forms.stream().map((form) -> new Term(SearchDocument.TEXT, form)).toArray(Term[]::new));
		}
		return phrase.build();
	}

	private static Query anyOf(Set<String> forms) {
		if (forms.size() == 1) {
			return new TermQuery(new Term(SearchDocument.TEXT, forms.iterator().next()));
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		forms.forEach((form) -> any.add(new TermQuery(new Term(SearchDocument.TEXT, form)), Occur.SHOULD));
		return any.build();
	}

	/** Words, phrases (their text without quotes, marked) and operators, in order. */
	private static List<Token> tokens(String text) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '"') {
				int end = text.indexOf('"', i + 1);
				if (end < 0) {
					throw new InvalidSearchException("query has a quote that is not closed");
				}
				String phrase = text.substring(i + 1, end).strip();
				if (phrase.isEmpty()) {
					throw new InvalidSearchException("query has an empty phrase");
				}
				for (String word : phrase.split("\\s+")) {
					checkWord(word);
				}
				tokens.add(new Token(phrase, false));
				i = end + 1;
			}
			else {
				int end = i;
				while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
					end++;
				}
				String word = text.substring(i, end);
				boolean operator = word.equals("AND") || word.equals("OR") || word.equals("NOT");
				if (!operator) {
					checkWord(word);
				}
				tokens.add(new Token(word, operator));
				i = end;
			}
			if (tokens.stream().filter((token) -> !token.operator()).count() > MAX_TERMS) {
				throw new InvalidSearchException("query must have at most " + MAX_TERMS + " words and phrases");
			}
		}
		return tokens;
	}

	private static void checkWord(String word) {
		String bare = EDGE_PUNCTUATION.matcher(word).replaceAll("");
		if (!WORD.matcher(bare).matches()) {
			throw new InvalidSearchException("query may hold words, quoted phrases, AND, OR and NOT only; \""
					+ ((word.length() > 40) ? word.substring(0, 40) + "…" : word) + "\" is not a word");
		}
	}

	/** Groups of alternatives joined by OR, and negated words, all required together. */
	private static List<Group> groups(List<Token> tokens) {
		List<Group> groups = new ArrayList<>();
		List<String> current = null;
		boolean negate = false;
		boolean or = false;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			boolean last = i == tokens.size() - 1;
			if (token.operator()) {
				boolean misplaced = last || tokens.get(i + 1).operator() && !"NOT".equals(tokens.get(i + 1).text());
				switch (token.text()) {
					case "NOT" -> {
						if (last || tokens.get(i + 1).operator() || or) {
							throw new InvalidSearchException("NOT must come before a word or phrase, and not after OR");
						}
						negate = true;
					}
					case "OR" -> {
						if (current == null || misplaced || "NOT".equals(tokens.get(i + 1).text())) {
							throw new InvalidSearchException("OR must stand between two words or phrases");
						}
						or = true;
					}
					default -> {
						if (current == null && !negate && groups.isEmpty() || misplaced) {
							throw new InvalidSearchException("AND must stand between two words or phrases");
						}
					}
				}
				continue;
			}
			if (negate) {
				groups.add(new Group(List.of(token.text()), true));
				current = null;
				negate = false;
			}
			else if (or) {
				current.add(token.text());
				or = false;
			}
			else {
				current = new ArrayList<>();
				current.add(token.text());
				groups.add(new Group(current, false));
			}
		}
		return groups;
	}

	private static boolean hasControlCharacter(String text) {
		return text.codePoints()
			.anyMatch((c) -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT
					|| c == '\u2028' || c == '\u2029');
	}

	private record Token(String text, boolean operator) {
	}

	private record Group(List<String> atoms, boolean negated) {
	}

}
