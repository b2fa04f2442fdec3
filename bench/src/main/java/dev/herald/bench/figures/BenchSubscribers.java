package dev.herald.bench.figures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * Confirmed subscribers written straight into notify's database before it starts: 5,000
 * confirmations through the API would take longer than the figure they prepare. The
 * documents have the shape notify stores after a confirmation.
 */
final class BenchSubscribers {

	/** The topic the fan-out's subscribers follow. */
	static final String FAN_OUT_TOPIC = "peacekeeping";

	/** The topic the single subscriber of the backlog follows. */
	static final String SINGLE_TOPIC = "drug-trafficking";

	private final MongoDatabase database;

	BenchSubscribers(MongoDatabase database) {
		this.database = database;
	}

	void seed(int count, String topic, String name) {
		Date now = Date.from(Instant.now());
		List<Document> subscribers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String email = name + "-" + i + "@bench.example";
			subscribers.add(new Document("_id", UUID.randomUUID().toString()).append("email", email)
				.append("emailKey", email)
				.append("topics", List.of(topic))
				.append("status", "ACTIVE")
				.append("schedule",
						new Document("frequency", "IMMEDIATE").append("time", "08:00")
							.append("day", "MONDAY")
							.append("zone", "UTC"))
				.append("language", "en")
				.append("createdAt", now)
				.append("updatedAt", now)
				.append("confirmedAt", now)
				.append("permanentFailures", 0));
		}
		this.database.getCollection("subscribers").insertMany(subscribers, new InsertManyOptions().ordered(false));
	}

}
