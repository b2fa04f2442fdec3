package dev.herald.catalog.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A checked query over the stored records. {@code null} means "no condition".
 *
 * @param words analyzed query words; each set holds the terms any of which satisfies one
 * word, and all words must be satisfied
 * @param topics slugs, any of which must be among the record's topics; empty for any
 * @param kind kind
 * @param organization exact organization
 * @param symbol document symbol (capitals also match small letters), or a prefix when
 * {@code symbolPrefix}
 * @param symbolPrefix whether {@code symbol} is a prefix
 * @param from earliest date
 * @param to latest date
 * @param language primary language or full tag
 * @param size page size
 * @param after position after which the page starts, or {@code null} for the first page
 */
public record RecordQuery(List<Set<String>> words, List<String> topics, String kind, String organization, String symbol,
		boolean symbolPrefix, LocalDate from, LocalDate to, String language, int size, Cursor after) {

	/**
	 * Returns this query for the page after the given cursor.
	 * @param cursor the position
	 * @return the query of the next page
	 */
	public RecordQuery after(Cursor cursor) {
		return new RecordQuery(this.words, this.topics, this.kind, this.organization, this.symbol, this.symbolPrefix,
				this.from, this.to, this.language, this.size, cursor);
	}

}
