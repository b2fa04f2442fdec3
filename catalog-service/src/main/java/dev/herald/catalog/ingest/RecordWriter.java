package dev.herald.catalog.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import dev.herald.catalog.record.RecordDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores the records of a poll keyed by record id, never letting an older revision
 * replace a newer one, without transactions.
 * <p>
 * Every record is first inserted, in one unordered bulk write: a new id (the common case
 * while records stream in) costs that write alone. The inserts MongoDB refuses because
 * the id exists are then compared with the stored revision ({@code publishedAt}), read in
 * one query: a newer revision replaces the stored document on the condition that the
 * stored revision is still the one read; the same or an older one is skipped as a
 * duplicate, so a replay changes nothing. A replacement whose stored revision changed in
 * between is evaluated again from a fresh read, which makes concurrent writers safe.
 * <p>
 * Both writes select documents by {@code _id}, the only index the MongoDB-protocol server
 * of the tests and the local run uses for writes; only a replacement adds a condition to
 * it.
 */
@Component
class RecordWriter {

	static final int MAX_ROUNDS = 3;

	private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

	private final MongoTemplate mongo;

	private final RecordDocuments documents;

	private final CatalogMetrics metrics;

	RecordWriter(MongoTemplate mongo, RecordDocuments documents, CatalogMetrics metrics) {
		this.mongo = mongo;
		this.documents = documents;
		this.metrics = metrics;
	}

	/**
	 * Stores records.
	 * @param records the records of a poll, in any order, possibly repeated
	 * @return what was written
	 * @throws RecordStoreException if MongoDB refused a record
	 * @throws org.springframework.dao.DataAccessException if concurrent writers kept
	 * changing the same records
	 * @throws com.mongodb.MongoException if MongoDB could not be reached
	 */
	StoreResult store(List<RecordPublished> records) {
		if (records.isEmpty()) {
			return new StoreResult(0, 0);
		}
		List<RecordDocument> newest = newestPerId(records);
		int stored = this.metrics.storeLatency().record(() -> write(newest));
		int skipped = records.size() - stored;
		this.metrics.stored(stored);
		this.metrics.duplicatesSkipped(skipped);
		return new StoreResult(stored, skipped);
	}

	private List<RecordDocument> newestPerId(List<RecordPublished> records) {
		Map<String, RecordPublished> newest = new LinkedHashMap<>();
		for (RecordPublished record : records) {
			newest.merge(record.id(), record,
					(kept, other) -> other.publishedAt().isAfter(kept.publishedAt()) ? other : kept);
		}
		return newest.values().stream().map(this.documents::toDocument).toList();
	}

	private int write(List<RecordDocument> documents) {
		List<RecordDocument> existing = new ArrayList<>();
		int stored = insert(documents, existing);
		List<RecordDocument> pending = existing;
		for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
			Round result = replaceOlder(pending);
			stored += result.stored();
			pending = result.conflicts();
		}
		if (!pending.isEmpty()) {
			throw new OptimisticLockingFailureException(
					pending.size() + " records kept changing while they were written; retrying the poll");
		}
		return stored;
	}

	/**
	 * Inserts documents, collecting those whose id exists already.
	 * @return how many were inserted
	 */
	private int insert(List<RecordDocument> documents, List<RecordDocument> existing) {
		List<WriteModel<RawBsonDocument>> inserts = new ArrayList<>(documents.size());
		documents.forEach((document) -> inserts.add(new InsertOneModel<>(document.toBson())));
		try {
			records().bulkWrite(inserts, UNORDERED);
		}
		catch (MongoBulkWriteException ex) {
			for (BulkWriteError error : ex.getWriteErrors()) {
				RecordDocument document = documents.get(error.getIndex());
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw new RecordStoreException(document.id(), error.getMessage());
				}
				existing.add(document);
			}
		}
		// Those sent less those refused: the MongoDB-protocol server counts refused
		// inserts
		// in its reply, so the reported inserted count cannot be trusted.
		return documents.size() - existing.size();
	}

	private Round replaceOlder(List<RecordDocument> documents) {
		Map<String, String> storedRevisions = storedRevisions(documents);
		List<WriteModel<RawBsonDocument>> replacements = new ArrayList<>();
		List<RecordDocument> replaced = new ArrayList<>();
		List<RecordDocument> vanished = new ArrayList<>();
		for (RecordDocument document : documents) {
			String storedRevision = storedRevisions.get(document.id());
			if (storedRevision == null) {
				// Deleted since the insert failed: insert it in the next round.
				vanished.add(document);
			}
			else if (document.publishedAt().compareTo(storedRevision) > 0) {
				replacements.add(new ReplaceOneModel<>(
						Filters.and(Filters.eq("_id", document.id()), Filters.eq("publishedAt", storedRevision)),
						document.toBson()));
				replaced.add(document);
			}
		}
		int stored = 0;
		List<RecordDocument> conflicts = new ArrayList<>();
		if (!vanished.isEmpty()) {
			stored += insert(vanished, conflicts);
		}
		if (!replacements.isEmpty()) {
			BulkWriteResult result = replace(replacements, replaced);
			stored += result.getModifiedCount();
			if (result.getMatchedCount() < replaced.size()) {
				// A stored revision changed since it was read, and which one is not
				// reported: every replacement is evaluated again; those written are
				// skipped.
				conflicts.addAll(replaced);
			}
		}
		return new Round(stored, conflicts);
	}

	private BulkWriteResult replace(List<WriteModel<RawBsonDocument>> replacements, List<RecordDocument> replaced) {
		try {
			return records().bulkWrite(replacements, UNORDERED);
		}
		catch (MongoBulkWriteException ex) {
			BulkWriteError error = ex.getWriteErrors().get(0);
			throw new RecordStoreException(replaced.get(error.getIndex()).id(), error.getMessage());
		}
	}

	private MongoCollection<RawBsonDocument> records() {
		return this.mongo.getCollection(RecordDocument.COLLECTION).withDocumentClass(RawBsonDocument.class);
	}

	private Map<String, String> storedRevisions(List<RecordDocument> documents) {
		Query query = new Query(Criteria.where("_id").in(documents.stream().map(RecordDocument::id).toList()));
		query.fields().include("publishedAt");
		Map<String, String> revisions = new HashMap<>();
		for (Document stored : this.mongo.find(query, Document.class, RecordDocument.COLLECTION)) {
			revisions.put(stored.getString("_id"), stored.getString("publishedAt"));
		}
		return revisions;
	}

	private record Round(int stored, List<RecordDocument> conflicts) {
	}

}
