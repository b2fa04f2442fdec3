package dev.herald.notify.search;

/**
 * A saved search of a subscriber.
 *
 * @param query words and quoted phrases, with {@code AND}, {@code OR} and {@code NOT}
 * @param kind {@code MEETING} or {@code STATEMENT}, or {@code null} for both
 * @param organization the organization records must come from, or {@code null}
 * @param symbol a document symbol records must carry, or its prefix ending in {@code *}
 * ({@code A/75/*}), or {@code null}
 */
public record SavedSearch(String query, String kind, String organization, String symbol) {

}
