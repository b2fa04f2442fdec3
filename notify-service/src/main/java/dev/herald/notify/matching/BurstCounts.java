package dev.herald.notify.matching;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * How many immediate alerts each subscriber was given in the current hour (UTC), counted
 * in MongoDB so that every instance sees the same counts. Counts of concurrent matchers
 * add up atomically; each keeps for two hours.
 */
@Component
class BurstCounts implements InitializingBean {

	static final String COLLECTION = "alert_counts";

	private final MongoTemplate mongo;

	BurstCounts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.getCollection(COLLECTION)
			.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
	}

	/**
	 * Adds alerts to this hour's counts.
	 * @param alerts new alerts by subscriber
	 * @param now the current time
	 * @return each subscriber's count this hour before these alerts
	 */
	Map<String, Long> add(Map<String, Integer> alerts, Instant now) {
		if (alerts.isEmpty()) {
			return Map.of();
		}
		Instant hour = now.truncatedTo(ChronoUnit.HOURS);
		Date expiresAt = Date.from(hour.plus(2, ChronoUnit.HOURS));
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
		alerts.forEach((subscriber, count) -> bulk.upsert(query(where("_id").is(key(subscriber, hour))),
				new Update().inc("count", count).set("expiresAt", expiresAt)));
		bulk.execute();
		Map<String, Long> after = new HashMap<>();
		this.mongo
			.find(query(where("_id").in(alerts.keySet().stream().map((subscriber) -> key(subscriber, hour)).toList())),
					Document.class, COLLECTION)
			.forEach((row) -> after.put(row.getString("_id"), ((Number) row.get("count")).longValue()));
		Map<String, Long> before = new HashMap<>();
		alerts.forEach((subscriber, count) -> before.put(subscriber,
				Math.max(0, after.getOrDefault(key(subscriber, hour), (long) count) - count)));
		return before;
	}

	private static String key(String subscriberId, Instant hour) {
		return subscriberId + ":" + hour;
	}

}
