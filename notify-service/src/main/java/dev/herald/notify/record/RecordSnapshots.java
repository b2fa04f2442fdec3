package dev.herald.notify.record;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.TtlIndex;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Stores record snapshots and reads them back for senders, keeping the most recent ones
 * in memory: a fan-out reads the same record thousands of times.
 */
@Component
public class RecordSnapshots {

	private static final int CACHED = 256;

	private final MongoTemplate mongo;

	private final Map<String, RecordSnapshot> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, RecordSnapshot> eldest) {
			return size() > CACHED;
		}

	};

	RecordSnapshots(MongoTemplate mongo, NotifyProperties properties) {
		this.mongo = mongo;
		TtlIndex.ensure(mongo.indexOps(RecordSnapshot.class), "publishedAt", properties.retention().snapshots());
	}

	/**
	 * Stores snapshots, replacing earlier ones of the same records.
	 * @param snapshots the snapshots
	 */
	public void saveAll(List<RecordSnapshot> snapshots) {
		if (snapshots.isEmpty()) {
			return;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, RecordSnapshot.class);
		snapshots.forEach((snapshot) -> bulk.replaceOne(query(where("_id").is(snapshot.id())), snapshot,
				FindAndReplaceOptions.options().upsert()));
		bulk.execute();
		synchronized (this.cache) {
			snapshots.forEach((snapshot) -> this.cache.put(snapshot.id(), snapshot));
		}
	}

	/**
	 * Snapshots by record id.
	 * @param ids record ids
	 * @return the snapshots found, by id
	 */
	public Map<String, RecordSnapshot> findAllById(Collection<String> ids) {
		Map<String, RecordSnapshot> found = new HashMap<>();
		List<String> missing;
		synchronized (this.cache) {
			ids.forEach((id) -> {
				RecordSnapshot cached = this.cache.get(id);
				if (cached != null) {
					found.put(id, cached);
				}
			});
			missing = ids.stream().filter((id) -> !found.containsKey(id)).distinct().toList();
		}
		if (!missing.isEmpty()) {
			List<RecordSnapshot> loaded = this.mongo.find(query(where("_id").in(missing)), RecordSnapshot.class);
			synchronized (this.cache) {
				loaded.forEach((snapshot) -> this.cache.put(snapshot.id(), snapshot));
			}
			loaded.forEach((snapshot) -> found.put(snapshot.id(), snapshot));
		}
		return found;
	}

	/**
	 * The most recently published records.
	 * @param limit most records
	 * @return their snapshots, the newest first
	 */
	public List<RecordSnapshot> newest(int limit) {
		return this.mongo.find(new org.springframework.data.mongodb.core.query.Query()
			.with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
					"publishedAt"))
			.limit(limit), RecordSnapshot.class);
	}

}
