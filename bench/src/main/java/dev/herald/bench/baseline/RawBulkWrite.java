package dev.herald.bench.baseline;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * The baseline of R5: the raw MongoDB driver writing the very documents the catalog
 * stored, with the same indexes, in unordered bulk writes of a poll's size, to the same
 * server.
 */
public final class RawBulkWrite {

	private RawBulkWrite() {
	}

	/**
	 * Copies a collection with the raw driver and times the writes.
	 * @param client the driver
	 * @param source the catalog's collection
	 * @param target an empty collection on the same server
	 * @param batchSize documents per bulk write
	 * @return documents written per second
	 */
	public static double copy(MongoClient client, MongoCollection<Document> source, MongoCollection<Document> target,
			int batchSize) {
		List<Document> documents = source.find().batchSize(1000).into(new ArrayList<>());
		copyIndexes(source, target);
		long start = System.nanoTime();
		for (int from = 0; from < documents.size(); from += batchSize) {
			List<WriteModel<Document>> batch = new ArrayList<>(batchSize);
			for (Document document : documents.subList(from, Math.min(documents.size(), from + batchSize))) {
				batch.add(new InsertOneModel<>(document));
			}
			target.bulkWrite(batch, new BulkWriteOptions().ordered(false));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return documents.size() / seconds;
	}

	private static void copyIndexes(MongoCollection<Document> source, MongoCollection<Document> target) {
		for (Document index : source.listIndexes()) {
			if (!"_id_".equals(index.getString("name"))) {
				IndexOptions options = new IndexOptions().name(index.getString("name"))
					.unique(index.getBoolean("unique", false));
				target.createIndex(index.get("key", Document.class), options);
			}
		}
	}

}
