package dev.herald.catalog.topic;

import java.util.HashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.herald.catalog.CatalogProperties;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOptions;
import org.springframework.stereotype.Component;

/**
 * Counts stored records per topic slug with one aggregation
 * ({@code $unwind topics, $group}), at most once per
 * {@code herald.catalog.topic-counts-ttl} whatever the traffic: readers in between get
 * the counts from memory, and readers arriving while they are counted wait for that one
 * count. A count is a little behind the collection, never a load a reader can multiply.
 */
@Component
class TopicCounts {

	private final MongoTemplate mongo;

	private final CatalogProperties properties;

	private final LoadingCache<String, Map<String, Long>> cache;

	@Autowired
	TopicCounts(MongoTemplate mongo, CatalogProperties properties) {
		this(mongo, properties, Ticker.systemTicker());
	}

	TopicCounts(MongoTemplate mongo, CatalogProperties properties, Ticker ticker) {
		this.mongo = mongo;
		this.properties = properties;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(properties.topicCountsTtl())
			.ticker(ticker)
			.maximumSize(1)
			.build((key) -> count());
	}

	Map<String, Long> bySlug() {
		return this.cache.get("all");
	}

	private Map<String, Long> count() {
		Aggregation aggregation = Aggregation
			.newAggregation(Aggregation.project("topics"), Aggregation.unwind("topics"),
					Aggregation.group("topics").count().as("count"))
			.withOptions(AggregationOptions.builder().maxTime(this.properties.queryTimeLimit()).build());
		Map<String, Long> counts = new HashMap<>();
		for (Document group : this.mongo.aggregate(aggregation, "records", Document.class)) {
			counts.put(group.getString("_id"), ((Number) group.get("count")).longValue());
		}
		return Map.copyOf(counts);
	}

}
