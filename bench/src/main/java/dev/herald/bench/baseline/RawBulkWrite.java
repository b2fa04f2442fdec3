package dev.herald.bench.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import dev.herald.bench.report.Rate;
import dev.herald.bench.system.CpuTime;
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
	 * Reads every document of the catalog's collection, in one pass: on the
	 * MongoDB-protocol server, lookups by lists of 1,000 ids read 150,000 documents in
	 * about 17 s, one scan in about 6 s.
	 * @param source the catalog's collection
	 * @return the documents, by id
	 */
	public static Map<Object, Document> read(MongoCollection<Document> source) {
		Map<Object, Document> documents = new HashMap<>();
		for (Document document : source.find().batchSize(1000)) {
			documents.put(document.get("_id"), document);
		}
		return documents;
	}

	/**
	 * Copies documents with the raw driver and times the writes.
	 * @param source the catalog's collection, for its indexes
	 * @param documents its documents, by id
	 * @param ids the ids of the documents to copy, in the order to write them
	 * @param target a collection on the same server, given the source's indexes if it has
	 * none
	 * @param batchSize documents per bulk write
	 * @param untimedShare the share of the documents written before the timing starts, as
	 * the drain it is compared with leaves out its start
	 * @param settle run just before the timing starts
	 * @param cpu reads the CPU time of the processes
	 * @return documents written per second, and their CPU cost
	 */
	public static Rate copy(MongoCollection<Document> source, Map<Object, Document> documents, List<String> ids,
			MongoCollection<Document> target, int batchSize, double untimedShare, Runnable settle,
			Supplier<CpuTime> cpu) {
		List<Document> copied = new ArrayList<>(ids.size());
		for (String id : ids) {
			Document document = documents.get(id);
			if (document == null) {
				throw new IllegalStateException("The catalog did not store record " + id);
			}
			copied.add(document);
		}
		copyIndexes(source, target);
		int untimed = (int) (copied.size() * untimedShare);
		write(target, copied.subList(0, untimed), batchSize);
		settle.run();
		CpuTime before = cpu.get();
		long start = System.nanoTime();
		write(target, copied.subList(untimed, copied.size()), batchSize);
		double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
		int timed = Math.max(1, copied.size() - untimed);
		return new Rate(timed / seconds, cpu.get().millisPerThousandSince(before, timed));
	}

	private static void write(MongoCollection<Document> target, List<Document> documents, int batchSize) {
		for (int from = 0; from < documents.size(); from += batchSize) {
			List<WriteModel<Document>> batch = new ArrayList<>(batchSize);
			for (Document document : documents.subList(from, Math.min(documents.size(), from + batchSize))) {
				batch.add(new InsertOneModel<>(document));
			}
			target.bulkWrite(batch, new BulkWriteOptions().ordered(false));
		}
	}

	private static void copyIndexes(MongoCollection<Document> source, MongoCollection<Document> target) {
		if (target.listIndexes().into(new ArrayList<>()).size() > 1) {
			return;
		}
		for (Document index : source.listIndexes()) {
			if (!"_id_".equals(index.getString("name"))) {
				IndexOptions options = new IndexOptions().name(index.getString("name"))
					.unique(index.getBoolean("unique", false));
				target.createIndex(index.get("key", Document.class), options);
			}
		}
	}

}
