package dev.herald.catalog.topic;

import java.util.HashMap;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Component;

/**
 * Counts stored records per topic slug with one aggregation
 * ({@code $unwind topics, $group}).
 */
@Component
class TopicCounts {

	private final MongoTemplate mongo;

	TopicCounts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Map<String, Long> bySlug() {
		Aggregation aggregation = Aggregation.newAggregation(Aggregation.project("topics"),
				Aggregation.unwind("topics"), Aggregation.group("topics").count().as("count"));
		Map<String, Long> counts = new HashMap<>();
		for (Document group : this.mongo.aggregate(aggregation, "records", Document.class)) {
			counts.put(group.getString("_id"), ((Number) group.get("count")).longValue());
		}
		return counts;
	}

}
