package dev.herald.notify.subscription;

import java.util.ArrayList;
import java.util.List;

import dev.herald.notify.search.SavedSearch;

/**
 * The saved searches of the subscribe and manage forms: rows of
 * {@code searches[i].query}, {@code .kind}, {@code .organization} and {@code .symbol};
 * rows left empty are not searches.
 */
public class SearchesForm {

	/** Rows a form offers beyond the stored searches, up to the limit. */
	static final int BLANK_ROWS = 2;

	private List<Row> searches = new ArrayList<>();

	public List<Row> getSearches() {
		return this.searches;
	}

	public void setSearches(List<Row> searches) {
		this.searches = searches;
	}

	/**
	 * The searches filled in.
	 * @return them, in form order
	 */
	List<SavedSearch> toSearches() {
		return this.searches.stream()
			.filter((row) -> row != null && !isBlank(row.query))
			.map((row) -> new SavedSearch(row.query, row.kind, row.organization, row.symbol))
			.toList();
	}

	/**
	 * The rows a form shows: the given searches, then blank rows up to the limit.
	 * @param stored the searches to show
	 * @return the rows
	 */
	static List<Row> rows(List<SavedSearch> stored) {
		List<Row> rows = new ArrayList<>();
		for (SavedSearch search : stored) {
			rows.add(new Row(search.query(), search.kind(), search.organization(), search.symbol()));
		}
		while (rows.size() < Math.min(SubscriptionValidator.MAX_SEARCHES, stored.size() + BLANK_ROWS)) {
			rows.add(new Row(null, null, null, null));
		}
		return rows;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	/** One row of the form. */
	public static class Row {

		private String query;

		private String kind;

		private String organization;

		private String symbol;

		public Row() {
		}

		Row(String query, String kind, String organization, String symbol) {
			this.query = query;
			this.kind = kind;
			this.organization = organization;
			this.symbol = symbol;
		}

		public String getQuery() {
			return this.query;
		}

		public void setQuery(String query) {
			this.query = query;
		}

		public String getKind() {
			return this.kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public String getOrganization() {
			return this.organization;
		}

		public void setOrganization(String organization) {
			this.organization = organization;
		}

		public String getSymbol() {
			return this.symbol;
		}

		public void setSymbol(String symbol) {
			this.symbol = symbol;
		}

	}

}
