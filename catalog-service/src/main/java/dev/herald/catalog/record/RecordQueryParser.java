package dev.herald.catalog.record;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.herald.catalog.CatalogProperties;
import dev.herald.contracts.text.TextAnalyzer;
import dev.herald.contracts.topics.Taxonomy;

import org.springframework.stereotype.Component;

/**
 * Checks the parameters of a listing request and turns them into a {@link RecordQuery}.
 * Every rejection names its parameter.
 */
@Component
public class RecordQueryParser {

	static final int MAX_QUERY_LENGTH = 500;

	static final int MAX_QUERY_WORDS = 32;

	static final int MAX_TOPICS = 50;

	private static final int MAX_ORGANIZATION_LENGTH = 200;

	private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./()_-]{0,99}\\*?");

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

	private static final Set<String> KINDS = Set.of("MEETING", "STATEMENT");

	private final TextAnalyzer analyzer;

	private final Taxonomy taxonomy;

	private final CatalogProperties.Paging paging;

	RecordQueryParser(TextAnalyzer analyzer, Taxonomy taxonomy, CatalogProperties properties) {
		this.analyzer = analyzer;
		this.taxonomy = taxonomy;
		this.paging = properties.paging();
	}

	/**
	 * Parses a listing request.
	 * @param filter the filter parameters
	 * @param size the page size as sent, or {@code null} for the default
	 * @param cursor the cursor as sent, or {@code null} for the first page
	 * @return the query
	 * @throws InvalidParameterException naming the first parameter that is wrong
	 */
	public RecordQuery parse(RecordFilter filter, String size, String cursor) {
		LocalDate from = date("from", filter.from());
		LocalDate to = date("to", filter.to());
		if (from != null && to != null && from.isAfter(to)) {
			throw InvalidParameterException.of("from", "(" + from + ") is after 'to' (" + to + ")");
		}
		String symbol = symbol(filter.symbol());
		boolean prefix = symbol != null && symbol.endsWith("*");
		return new RecordQuery(words(filter.q()), topics(filter.topic()), kind(filter.kind()),
				organization(filter.organization()), prefix ? symbol.substring(0, symbol.length() - 1) : symbol, prefix,
				from, to, language(filter.lang()), size(size), cursor(cursor));
	}

	/**
	 * Parses the filter of a feed: no cursor, the feed's size.
	 * @param filter the filter parameters
	 * @return the query
	 */
	public RecordQuery parseFeed(RecordFilter filter) {
		RecordQuery query = parse(filter, null, null);
		return new RecordQuery(query.words(), query.topics(), query.kind(), query.organization(), query.symbol(),
				query.symbolPrefix(), query.from(), query.to(), query.language(), this.paging.feedSize(), null);
	}

	private List<Set<String>> words(String q) {
		if (blank(q)) {
			return List.of();
		}
		if (q.length() > MAX_QUERY_LENGTH) {
			throw InvalidParameterException.of("q", "is longer than " + MAX_QUERY_LENGTH + " characters");
		}
		List<Set<String>> words = this.analyzer.queryTerms(q);
		if (words.size() > MAX_QUERY_WORDS) {
			throw InvalidParameterException.of("q", "has more than " + MAX_QUERY_WORDS + " words");
		}
		return words;
	}

	private List<String> topics(List<String> slugs) {
		List<String> topics = new ArrayList<>();
		if (slugs != null) {
			for (String slug : slugs) {
				if (blank(slug)) {
					continue;
				}
				if (!this.taxonomy.contains(slug.trim())) {
					throw InvalidParameterException.of("topic", "names no known topic: '" + shorten(slug) + "'");
				}
				if (!topics.contains(slug.trim())) {
					topics.add(slug.trim());
				}
			}
		}
		if (topics.size() > MAX_TOPICS) {
			throw InvalidParameterException.of("topic", "is repeated more than " + MAX_TOPICS + " times");
		}
		return List.copyOf(topics);
	}

	private static String kind(String kind) {
		if (blank(kind)) {
			return null;
		}
		String upper = kind.trim().toUpperCase(Locale.ROOT);
		if (!KINDS.contains(upper)) {
			throw InvalidParameterException.of("kind", "must be MEETING or STATEMENT, not '" + shorten(kind) + "'");
		}
		return upper;
	}

	private static String organization(String organization) {
		if (blank(organization)) {
			return null;
		}
		if (organization.length() > MAX_ORGANIZATION_LENGTH) {
			throw InvalidParameterException.of("organization",
					"is longer than " + MAX_ORGANIZATION_LENGTH + " characters");
		}
		return organization.trim();
	}

	private static String symbol(String symbol) {
		if (blank(symbol)) {
			return null;
		}
		String trimmed = symbol.trim();
		if (!SYMBOL.matcher(trimmed).matches()) {
			throw InvalidParameterException.of("symbol", "is not a document symbol such as A/75/906 (or A/75/*)");
		}
		return trimmed;
	}

	private static LocalDate date(String name, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeException ex) {
			throw InvalidParameterException.of(name, "is not a date (yyyy-MM-dd): '" + shorten(value) + "'");
		}
	}

	private static String language(String lang) {
		if (blank(lang)) {
			return null;
		}
		if (!LANGUAGE.matcher(lang.trim()).matches()) {
			throw InvalidParameterException.of("lang", "is not a BCP 47 language tag such as en or ru-RU");
		}
		return lang.trim();
	}

	private int size(String size) {
		if (blank(size)) {
			return this.paging.defaultSize();
		}
		int max = this.paging.maxSize();
		try {
			int value = Integer.parseInt(size.trim());
			if (value >= 1 && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw InvalidParameterException.of("size", "must be a whole number from 1 to " + max);
	}

	private static Cursor cursor(String cursor) {
		return blank(cursor) ? null : Cursor.decode(cursor.trim());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String shorten(String value) {
		return (value.length() <= 40) ? value : value.substring(0, 40) + "…";
	}

}
