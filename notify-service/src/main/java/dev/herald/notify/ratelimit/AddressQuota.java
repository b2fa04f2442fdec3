package dev.herald.notify.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.herald.notify.NotifyProperties;
import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * At most N confirmation or manage emails per address in any sliding window, counted in
 * MongoDB so that the limit holds across instances and restarts. Each address has one
 * document holding the times of its recent emails; taking a slot is a single conditional
 * upsert, so concurrent requests cannot both take the last one.
 */
@Component
public class AddressQuota implements InitializingBean {

	static final String COLLECTION = "address_quota";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final int max;

	private final Duration window;

	@Autowired
	AddressQuota(MongoTemplate mongo, Clock clock, NotifyProperties properties) {
		this(mongo, clock, properties.limits().emailsPerAddress(), properties.limits().addressWindow());
	}

	AddressQuota(MongoTemplate mongo, Clock clock, int max, Duration window) {
		this.mongo = mongo;
		this.clock = clock;
		this.max = max;
		this.window = window;
	}

	@Override
	public void afterPropertiesSet() {
		collection().createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
	}

	/**
	 * Take one email slot for an address.
	 * @param key the address's quota key
	 * @return the slot taken, to hand back with {@link #release} if the email is not sent
	 * @throws RateLimitExceededException when the address had its emails for the window
	 */
	public Instant acquire(String key) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		MongoCollection<Document> quota = collection();
		quota.updateOne(Filters.eq("_id", key), pullExpired(now));
		try {
			quota.updateOne(Filters.and(Filters.eq("_id", key), Filters.exists("sends." + (this.max - 1), false)),
					Updates.combine(Updates.push("sends", Date.from(now)),
							Updates.set("expiresAt", Date.from(now.plus(this.window)))),
					new UpdateOptions().upsert(true));
			return now;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			throw RateLimitExceededException.forAddress(retryAfter(key, now));
		}
	}

	/**
	 * Give back a slot whose email could not be sent.
	 * @param key the address's quota key
	 * @param slot the slot returned by {@link #acquire}
	 */
	public void release(String key, Instant slot) {
		collection().updateOne(Filters.eq("_id", key), Updates.pull("sends", Date.from(slot)));
	}

	private Document pullExpired(Instant now) {
		return new Document("$pull", new Document("sends", new Document("$lte", Date.from(now.minus(this.window)))));
	}

	private Duration retryAfter(String key, Instant now) {
		Document document = collection().find(Filters.eq("_id", key)).first();
		List<Date> sends = (document != null) ? document.getList("sends", Date.class) : List.of();
		return sends.stream()
			.min(Comparator.naturalOrder())
			.map((oldest) -> Duration.between(now, oldest.toInstant().plus(this.window)))
			.filter((wait) -> !wait.isNegative())
			.orElse(Duration.ofSeconds(1));
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}
