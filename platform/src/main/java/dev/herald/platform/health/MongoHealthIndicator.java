package dev.herald.platform.health;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB's health: the service's database answers {@code ping}. Declared as
 * {@code mongoHealthIndicator}, it replaces Spring Boot's indicator of that name, whose
 * {@code hello} command the MongoDB-protocol server of tests and of the local run does
 * not know.
 */
public class MongoHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	/**
	 * An indicator of the database of a template.
	 * @param mongo the service's template
	 */
	public MongoHealthIndicator(MongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = this.mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", this.mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
	}

}
