package dev.herald.catalog.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import dev.herald.catalog.record.RecordDocument;
import org.bson.Document;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores the records of a poll keyed by record id, never letting an older revision
 * replace a newer one, with one read and one unordered bulk write.
 * <p>
 * The read fetches the stored revision ({@code publishedAt}) of every id in the poll.
 * Then each record is either inserted (new id), or replaces the stored document on the
 * condition that the stored revision is still the one read (newer revision), or is
 * skipped as a duplicate (same or older revision): a replay writes nothing. The
 * conditions make concurrent writers safe without transactions: an insert that meets an
 * existing id, or a replacement whose stored revision changed in between, is evaluated
 * again from a fresh read.
 * <p>
 * Why not a single conditional upsert per record ({@code {_id, publishedAt: {$lt:
 * new}}})? It is correct on MongoDB, but the MongoDB-protocol server of the tests and the
 * local run only uses an index for an update whose filter is {@code _id} alone and scans
 * the collection for any other (measured: about 25 ms per record at 20,000 records). Here
 * new records and replays, the common cases, use only the {@code _id} index on both
 * servers; only a newer revision pays for the conditional filter there.
 */
@Component
class RecordWriter {

	static final int MAX_ROUNDS = 3;

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
	 * @throws org.springframework.dao.DataAccessException if MongoDB could not be reached
	 * or concurrent writers kept changing the same records
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
		int stored = 0;
		List<RecordDocument> pending = documents;
		for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
			Round result = writeRound(pending);
			stored += result.stored();
			pending = result.conflicts();
		}
		if (!pending.isEmpty()) {
			throw new OptimisticLockingFailureException(
					pending.size() + " records kept changing while they were written; retrying the poll");
		}
		return stored;
	}

	private Round writeRound(List<RecordDocument> documents) {
		Map<String, String> storedRevisions = storedRevisions(documents);
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, RecordDocument.class);
		List<RecordDocument> written = new ArrayList<>();
		List<RecordDocument> replaced = new ArrayList<>();
		for (RecordDocument document : documents) {
			String storedRevision = storedRevisions.get(document.id());
			if (storedRevision == null) {
				bulk.insert(document);
				written.add(document);
			}
			else if (document.publishedAt().compareTo(storedRevision) > 0) {
				bulk.replaceOne(
						new Query(Criteria.where("_id").is(document.id()).and("publishedAt").is(storedRevision)),
						document);
				written.add(document);
				replaced.add(document);
			}
		}
		if (written.isEmpty()) {
			return new Round(0, List.of());
		}
		return execute(bulk, written, replaced);
	}

	private Round execute(BulkOperations bulk, List<RecordDocument> written, List<RecordDocument> replaced) {
		List<RecordDocument> conflicts = new ArrayList<>();
		BulkWriteResult result;
		try {
			result = bulk.execute();
		}
		catch (BulkOperationException ex) {
			for (BulkWriteError error : ex.getErrors()) {
				RecordDocument document = written.get(error.getIndex());
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw new RecordStoreException(document.id(), error.getMessage());
				}
				conflicts.add(document);
			}
			result = ex.getResult();
		}
		// Inserts sent less those refused: the MongoDB-protocol server counts refused
		// inserts in its reply, so the reported inserted count cannot be trusted.
		int inserted = written.size() - replaced.size() - conflicts.size();
		if (result.getMatchedCount() < replaced.size()) {
			// A stored revision changed since it was read, and which one is not
			// reported: every replacement is evaluated again; those written are skipped.
			conflicts.addAll(replaced);
		}
		return new Round(inserted + result.getModifiedCount(), conflicts);
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
