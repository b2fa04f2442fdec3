package dev.herald.notify.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.herald.contracts.text.TextAnalyzer;
import dev.herald.notify.NotifyMetrics;
import dev.herald.notify.search.InvalidSearchException;
import dev.herald.notify.search.SavedSearch;
import dev.herald.notify.search.SearchDocument;
import dev.herald.notify.search.SearchSyntax;
import dev.herald.notify.subscription.SavedSearches;
import dev.herald.notify.subscription.Followers;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Every active subscriber's saved searches, as an index of their queries (Lucene's
 * monitor): a record is matched against all of them at once, not one search at a time.
 * <p>
 * The subscribers collection is the source of truth. Before each match, the index takes
 * in the subscribers changed since it last looked (by {@code updatedAt}, with a margin
 * for clocks of other instances), so a search saved through any instance applies to the
 * next record every instance matches.
 */
@Component
class SavedSearchIndex {

	private static final Logger logger = LoggerFactory.getLogger(SavedSearchIndex.class);

	/**
	 * How far back each look reaches before the last one: a change stamped by another
	 * instance's clock (a few seconds off at most) before this look but stored after it
	 * is still seen. Every look reads again what changed within it, so it stays short.
	 */
	private static final Duration MARGIN = Duration.ofSeconds(10);

	private static final int CHUNK = 2_000;

	private final Followers followers;

	private final SearchSyntax syntax;

	private final TextAnalyzer analyzer;

	private final Clock clock;

	private final Monitor monitor;

	/** The queries indexed for each subscriber, and the change of it they reflect. */
	private final Map<String, Indexed> indexed = new HashMap<>();

	private Instant lookedAt = Instant.EPOCH;

	private final NotifyMetrics metrics;

	private int size;

	SavedSearchIndex(Followers followers, SearchSyntax syntax, TextAnalyzer analyzer, NotifyMetrics metrics,
			Clock clock) {
		this.followers = followers;
		this.metrics = metrics;
		this.syntax = syntax;
		this.analyzer = analyzer;
		this.clock = clock;
		try {
			this.monitor = new Monitor(SearchDocument.analyzer());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The saved searches each record matches.
	 * @param records the records
	 * @return by record id, the subscribers whose searches match it and, for each, the
	 * query of the first search that does
	 */
	synchronized Map<String, Map<String, String>> match(List<PublishedRecord> records) {
		refresh();
		Map<String, Map<String, String>> matches = new LinkedHashMap<>();
		if (this.indexed.isEmpty()) {
			return matches;
		}
		try {
			for (PublishedRecord record : records) {
				long start = System.nanoTime();
				MatchingQueries<QueryMatch> matching = this.monitor.match(document(record), QueryMatch.SIMPLE_MATCHER);
				this.metrics.searchMatched(Duration.ofNanos(System.nanoTime() - start));
				for (QueryMatch match : matching.getMatches()) {
					String id = match.getQueryId();
					String subscriberId = id.substring(0, id.lastIndexOf('/'));
					Indexed searches = this.indexed.get(subscriberId);
					if (searches != null) {
						matches.computeIfAbsent(record.id(), (key) -> new LinkedHashMap<>())
							.merge(subscriberId, searches.query(id), (first, other) -> first);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return matches;
	}

	private org.apache.lucene.document.Document document(PublishedRecord record) {
		return SearchDocument.of(this.analyzer, record.language(), record.kind(), record.organization(),
				java.util.Arrays.asList(record.title(), record.summary(), record.body()), record.documentSymbols());
	}

	private void refresh() {
		Instant now = this.clock.instant();
		Instant since = this.lookedAt.equals(Instant.EPOCH) ? Instant.EPOCH : this.lookedAt.minus(MARGIN);
		List<String> removed = new ArrayList<>();
		List<MonitorQuery> added = new ArrayList<>();
		for (SavedSearches subscriber : this.followers.findChangedSince(since)) {
			Indexed before = this.indexed.get(subscriber.id());
			if (before != null && Objects.equals(before.updatedAt(), subscriber.updatedAt())) {
				continue;
			}
			if (before != null) {
				removed.addAll(before.queries().keySet());
				this.indexed.remove(subscriber.id());
				this.size -= before.queries().size();
			}
			if (subscriber.apply()) {
				added.addAll(queries(subscriber));
			}
		}
		try {
			// Few changes of the index, each a commit, and none larger than a chunk,
			// whose
			// analysis is held in memory until it commits.
			if (!removed.isEmpty()) {
				this.monitor.deleteById(removed);
			}
			for (int from = 0; from < added.size(); from += CHUNK) {
				this.monitor.register(added.subList(from, Math.min(added.size(), from + CHUNK)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.lookedAt = now;
		this.metrics.searchesIndexed(this.size);
	}

	private List<MonitorQuery> queries(SavedSearches subscriber) {
		Map<String, String> queries = new LinkedHashMap<>();
		List<MonitorQuery> registered = new ArrayList<>();
		List<SavedSearch> searches = subscriber.searches();
		for (int i = 0; i < searches.size(); i++) {
			String id = subscriber.id() + "/" + i;
			try {
				registered.add(new MonitorQuery(id, this.syntax.query(searches.get(i))));
				queries.put(id, searches.get(i).query());
			}
			catch (InvalidSearchException ex) {
				// Stored before a stricter syntax: it matches nothing until changed.
				logger.warn("Saved search {} of subscriber {} is not usable: {}", i, subscriber.id(), ex.getMessage());
			}
		}
		this.indexed.put(subscriber.id(), new Indexed(queries, subscriber.updatedAt()));
		this.size += queries.size();
		return registered;
	}

	/** The queries of one subscriber, by query id, and the change they reflect. */
	private record Indexed(Map<String, String> queries, Instant updatedAt) {

		String query(String id) {
			return this.queries.get(id);
		}

	}

}
