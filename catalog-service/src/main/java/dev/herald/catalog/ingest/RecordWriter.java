package dev.herald.catalog.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import dev.herald.catalog.record.RecordDocument;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores records as one unordered bulk of upserts keyed by record id, never letting an
 * older revision replace a newer one.
 * <p>
 * Each upsert replaces the document only where {@code _id} matches and the stored
 * {@code publishedAt} is older. Where the stored revision is the same or newer, nothing
 * matches, the upsert tries to insert a second document with that {@code _id}, and the
 * unique {@code _id} index refuses it (E11000): that refusal is the "already stored"
 * outcome, counted as a skipped duplicate. This needs no transaction and no update
 * pipeline, so it behaves the same on MongoDB and on the MongoDB-protocol server used in
 * tests. Within one poll only the newest revision of each id is written, so no two
 * upserts of a bulk race for the same id.
 */
@Component
class RecordWriter {

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
	 * @throws RecordStoreException if MongoDB refused a record for another reason than a
	 * stored newer revision
	 * @throws org.springframework.dao.DataAccessException if MongoDB could not be reached
	 */
	StoreResult store(List<RecordPublished> records) {
		if (records.isEmpty()) {
			return new StoreResult(0, 0);
		}
		List<RecordDocument> newest = newestPerId(records);
		StoreResult result = this.metrics.storeLatency().record(() -> write(newest));
		int skipped = result.skipped() + (records.size() - newest.size());
		this.metrics.stored(result.stored());
		this.metrics.duplicatesSkipped(skipped);
		return new StoreResult(result.stored(), skipped);
	}

	private List<RecordDocument> newestPerId(List<RecordPublished> records) {
		Map<String, RecordPublished> newest = new LinkedHashMap<>();
		for (RecordPublished record : records) {
			newest.merge(record.id(), record,
					(kept, other) -> other.publishedAt().isAfter(kept.publishedAt()) ? other : kept);
		}
		return newest.values().stream().map(this.documents::toDocument).toList();
	}

	private StoreResult write(List<RecordDocument> documents) {
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, RecordDocument.class);
		for (RecordDocument document : documents) {
			Query olderRevision = new Query(
					Criteria.where("_id").is(document.id()).and("publishedAt").lt(document.publishedAt()));
			bulk.replaceOne(olderRevision, document, FindAndReplaceOptions.options().upsert());
		}
		try {
			return written(bulk.execute(), 0);
		}
		catch (BulkOperationException ex) {
			List<BulkWriteError> refused = new ArrayList<>();
			for (BulkWriteError error : ex.getErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					refused.add(error);
				}
			}
			if (!refused.isEmpty()) {
				BulkWriteError first = refused.get(0);
				throw new RecordStoreException(documents.get(first.getIndex()).id(), first.getMessage());
			}
			return written(ex.getResult(), ex.getErrors().size());
		}
	}

	private static StoreResult written(BulkWriteResult result, int duplicates) {
		return new StoreResult(result.getUpserts().size() + result.getModifiedCount(), duplicates);
	}

}
