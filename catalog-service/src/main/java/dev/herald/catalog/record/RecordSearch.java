package dev.herald.catalog.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.herald.catalog.CatalogProperties;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads records from MongoDB: by id, and as pages of a filtered listing, newest first.
 * <p>
 * Pages use keyset pagination on ({@code occurredOn} desc, {@code _id} desc): a page
 * starts strictly after the last record of the previous one, so records that arrive while
 * a client walks the listing never shift it, and no record is shown twice or skipped.
 */
@Component
public class RecordSearch {

	private static final Sort NEWEST_FIRST = Sort.by(Direction.DESC, "occurredOn").and(Sort.by(Direction.DESC, "_id"));

	private static final Sort OLDEST_FIRST = Sort.by(Direction.ASC, "occurredOn").and(Sort.by(Direction.ASC, "_id"));

	private static final Pattern REGEX_SPECIAL = Pattern.compile("[.()*+?\\[\\]{}|^$\\\\/-]");

	private final MongoTemplate mongo;

	private final Duration timeLimit;

	private final Semaphore running;

	RecordSearch(MongoTemplate mongo, CatalogProperties properties) {
		this.mongo = mongo;
		this.timeLimit = properties.queryTimeLimit();
		this.running = new Semaphore(properties.maxConcurrentSearches(), true);
	}

	/**
	 * Finds one record.
	 * @param id the record id
	 * @return the record, or empty
	 */
	public Optional<RecordDocument> findById(String id) {
		Query byId = new Query(Criteria.where("_id").is(id)).maxTime(this.timeLimit);
		byId.fields().exclude("terms");
		return Optional.ofNullable(this.mongo.findOne(byId, RecordDocument.class));
	}

	/**
	 * Finds one page of records.
	 * @param query the query
	 * @return the page, with the cursors of the pages beside it when there are some
	 */
	public RecordSlice find(RecordQuery query) {
		// Every public query ends on the server after the time limit (a 503 problem, not
		// a busy server), and only so many run at once: readers queue for a free place
		// as long as the time limit, so that a crowd of them puts a bounded load on
		// MongoDB.
		Cursor position = query.after();
		boolean backward = position != null && position.backward();
		Query mongoQuery = new Query(criteria(query)).with(backward ? OLDEST_FIRST : NEWEST_FIRST)
			.limit(query.size() + 1)
			.maxTime(this.timeLimit);
		mongoQuery.fields().exclude("terms");
		List<RecordDocument> found = limited(() -> this.mongo.find(mongoQuery, RecordDocument.class));
		boolean more = found.size() > query.size();
		List<RecordDocument> page = new ArrayList<>(found.subList(0, Math.min(found.size(), query.size())));
		if (page.isEmpty()) {
			return new RecordSlice(List.of(), null, null);
		}
		if (backward) {
			// Read oldest first from the cursor; shown newest first like every page.
			Collections.reverse(page);
			return new RecordSlice(List.copyOf(page), Cursor.after(page.get(page.size() - 1)),
					more ? Cursor.before(page.get(0)) : null);
		}
		return new RecordSlice(List.copyOf(page), more ? Cursor.after(page.get(page.size() - 1)) : null,
				(position != null) ? Cursor.before(page.get(0)) : null);
	}

	private <T> T limited(java.util.function.Supplier<T> search) {
		boolean admitted;
		try {
			admitted = this.running.tryAcquire(this.timeLimit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SearchesBusyException();
		}
		if (!admitted) {
			throw new SearchesBusyException();
		}
		try {
			return search.get();
		}
		finally {
			this.running.release();
		}
	}

	static Criteria criteria(RecordQuery query) {
		List<Criteria> all = new ArrayList<>();
		for (Set<String> word : query.words()) {
			all.add(Criteria.where("terms").in(word));
		}
		if (!query.topics().isEmpty()) {
			all.add(Criteria.where("topics").in(query.topics()));
		}
		if (query.kind() != null) {
			all.add(Criteria.where("kind").is(query.kind()));
		}
		if (query.organization() != null) {
			all.add(Criteria.where("organization").is(query.organization()));
		}
		if (query.symbol() != null) {
			// Symbols are written in capitals; a query in small letters finds them too.
			String upper = query.symbol().toUpperCase(Locale.ROOT);
			all.add(query.symbolPrefix() ? Criteria.where("documentSymbols").regex("^" + escape(upper))
					: Criteria.where("documentSymbols").in(query.symbol(), upper));
		}
		if (query.from() != null) {
			all.add(Criteria.where("occurredOn").gte(query.from().toString()));
		}
		if (query.to() != null) {
			all.add(Criteria.where("occurredOn").lte(query.to().toString()));
		}
		if (query.language() != null) {
			all.add(Criteria.where("languages").is(query.language().toLowerCase(Locale.ROOT)));
		}
		if (query.after() != null && query.after().backward()) {
			String date = query.after().occurredOn().toString();
			all.add(new Criteria().orOperator(Criteria.where("occurredOn").gt(date), new Criteria()
				.andOperator(Criteria.where("occurredOn").is(date), Criteria.where("_id").gt(query.after().id()))));
		}
		else if (query.after() != null) {
			String date = query.after().occurredOn().toString();
			all.add(new Criteria().orOperator(Criteria.where("occurredOn").lt(date), new Criteria()
				.andOperator(Criteria.where("occurredOn").is(date), Criteria.where("_id").lt(query.after().id()))));
		}
		return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
	}

	private static String escape(String literal) {
		return REGEX_SPECIAL.matcher(literal).replaceAll("\\\\$0");
	}

}
