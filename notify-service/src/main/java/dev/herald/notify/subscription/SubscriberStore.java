package dev.herald.notify.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.TtlIndex;
import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.search.SavedSearch;
import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Subscribers' lifecycle (subscribe, confirm, change, unsubscribe) and lookups, and the
 * collection's indexes. Every change is one atomic single-document operation conditioned
 * on the state it expects, so concurrent requests cannot corrupt a subscriber. What
 * matching reads is in {@link Followers}; suppression after failed deliveries in
 * {@link Suppression}.
 */
@Component
public class SubscriberStore implements InitializingBean {

	private static final int MAX_ATTEMPTS = 3;

	private final MongoTemplate mongo;

	/** When MongoDB removes a pending subscription that was never confirmed. */
	static final String EXPIRES_AT = "expiresAt";

	private final Clock clock;

	private final Duration pendingRetention;

	@Autowired
	SubscriberStore(MongoTemplate mongo, Clock clock, NotifyProperties properties) {
		this(mongo, clock, properties.retention().pendingSubscriptions());
	}

	SubscriberStore(MongoTemplate mongo, Clock clock, Duration pendingRetention) {
		this.mongo = mongo;
		this.clock = clock;
		this.pendingRetention = pendingRetention;
	}

	@Override
	public void afterPropertiesSet() {
		var indexes = this.mongo.indexOps(Subscriber.class);
		indexes.createIndex(new Index().on("emailKey", Sort.Direction.ASC).unique().named("emailKey_unique"));
		// Matching: equality on status, $in on the multikey topics, pages in _id order.
		indexes.createIndex(new CompoundIndexDefinition(new Document("status", 1).append("topics", 1).append("_id", 1))
			.named("status_topics_id"));
		// Saved searches: the subscribers changed since the index of searches last
		// looked.
		indexes.createIndex(new Index().on("updatedAt", Sort.Direction.ASC).named("updatedAt"));
		// A subscription never confirmed is removed at its expiresAt, which only a
		// pending
		// one has.
		TtlIndex.ensure(indexes, EXPIRES_AT, Duration.ZERO);
	}

	/**
	 * Record a subscribe request: a new address becomes a pending subscriber; a pending,
	 * unsubscribed or suppressed one becomes pending again with the requested topics; an
	 * active one is left as it is (its topics change only through the manage link). A
	 * request that changes a subscription that is not active raises its token version, so
	 * that only the link sent for this request confirms it.
	 * @param email the address
	 * @param topics the requested topics
	 * @param language the preferred language
	 * @param schedule the requested schedule
	 * @param searches the requested saved searches
	 * @return the subscriber after the request
	 */
	public Subscriber register(EmailAddress email, List<String> topics, String language, Schedule schedule,
			List<SavedSearch> searches) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Instant now = this.clock.instant();
			Subscriber existing = this.mongo.findOne(query(where("emailKey").is(email.key())), Subscriber.class);
			if (existing == null) {
				try {
					Subscriber created = new Subscriber(UUID.randomUUID().toString(), email.address(), email.key(),
							topics, SubscriberStatus.PENDING, schedule, language, now, now, null, null, 0, 0L,
							searches);
					Document document = new Document();
					this.mongo.getConverter().write(created, document);
					document.put(EXPIRES_AT, Date.from(now.plus(this.pendingRetention)));
					this.mongo.insert(document, Subscriber.COLLECTION);
					return created;
				}
				catch (DuplicateKeyException ex) {
					continue;
				}
			}
			if (existing.isActive()) {
				return existing;
			}
			Update update = new Update().set("status", SubscriberStatus.PENDING)
				.set(EXPIRES_AT, Date.from(now.plus(this.pendingRetention)))
				.set("email", email.address())
				.set("topics", topics)
				.set("language", language)
				.set("schedule", schedule)
				.set("searches", searches)
				.set("updatedAt", now);
			if (existing.status() != SubscriberStatus.PENDING || !Objects.equals(existing.topics(), topics)
					|| !Objects.equals(existing.language(), language)
					|| !Objects.equals(existing.scheduleOrDefault(), Schedule.orDefault(schedule))
					|| !existing.searchesOrEmpty().equals(searches)) {
				update.inc("tokenVersion", 1);
			}
			Subscriber pending = modify(atVersion(where("_id").is(existing.id()).and("status").is(existing.status()),
					existing.tokenVersion()), update);
			if (pending != null) {
				return pending;
			}
		}
		throw new IllegalStateException("The subscriber changed concurrently too often");
	}

	/**
	 * Activate a pending subscriber, if its token version is the given one.
	 * @param id the subscriber id
	 * @param tokenVersion the token version of the confirmation link
	 * @return the subscriber, active if it was pending at that version, otherwise as it
	 * stands; empty when it does not exist
	 */
	public Optional<Subscriber> activate(String id, long tokenVersion) {
		Instant now = this.clock.instant();
		Subscriber activated = modify(
				atVersion(where("_id").is(id).and("status").is(SubscriberStatus.PENDING), tokenVersion),
				new Update().set("status", SubscriberStatus.ACTIVE)
					.unset(EXPIRES_AT)
					.set("confirmedAt", now)
					.set("permanentFailures", 0)
					.set("updatedAt", now));
		return (activated != null) ? Optional.of(activated) : findById(id);
	}

	/**
	 * Replace a subscriber's topics, and language and schedule when given, if its token
	 * version is the given one.
	 * @param id the subscriber id
	 * @param tokenVersion the token version of the manage link
	 * @param topics the new topics, or {@code null} to keep them
	 * @param language the new language, or {@code null} to keep it
	 * @param schedule the new schedule, or {@code null} to keep it
	 * @param searches the new saved searches, or {@code null} to keep them
	 * @return the changed subscriber; empty when it does not exist or its token version
	 * changed
	 */
	public Optional<Subscriber> change(String id, long tokenVersion, List<String> topics, String language,
			Schedule schedule, List<SavedSearch> searches) {
		Update update = new Update().set("updatedAt", this.clock.instant());
		if (topics != null) {
			update.set("topics", topics);
		}
		if (language != null) {
			update.set("language", language);
		}
		if (schedule != null) {
			update.set("schedule", schedule);
		}
		if (searches != null) {
			update.set("searches", searches);
		}
		return Optional.ofNullable(modify(atVersion(where("_id").is(id), tokenVersion), update));
	}

	/**
	 * Unsubscribe, idempotently: a second call changes nothing. The first voids every
	 * confirmation and manage link issued before.
	 * @param id the subscriber id
	 * @return the subscriber; empty when it does not exist
	 */
	public Optional<Subscriber> unsubscribe(String id) {
		Instant now = this.clock.instant();
		Subscriber changed = modify(where("_id").is(id).and("status").ne(SubscriberStatus.UNSUBSCRIBED),
				new Update().set("status", SubscriberStatus.UNSUBSCRIBED)
					.set("unsubscribedAt", now)
					.set("updatedAt", now)
					.inc("tokenVersion", 1));
		return (changed != null) ? Optional.of(changed) : findById(id);
	}

	/**
	 * Void every confirmation and manage link issued to a subscriber so far.
	 * @param id the subscriber id
	 * @return the subscriber with its new token version; empty when it does not exist
	 */
	public Optional<Subscriber> revokeLinks(String id) {
		return Optional.ofNullable(modify(where("_id").is(id),
				new Update().inc("tokenVersion", 1).set("updatedAt", this.clock.instant())));
	}

	/**
	 * A subscriber by id.
	 * @param id the id
	 * @return the subscriber, if it exists
	 */
	public Optional<Subscriber> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Subscriber.class));
	}

	/**
	 * Subscribers by id.
	 * @param ids the ids
	 * @return those that exist
	 */
	public List<Subscriber> findAllById(Collection<String> ids) {
		return this.mongo.find(query(where("_id").in(ids)), Subscriber.class);
	}

	/**
	 * The subscriber of an address, compared as it is stored: fully lower-cased.
	 * @param address the address
	 * @return the subscriber, if any
	 */
	public Optional<Subscriber> findByEmail(String address) {
		return Optional.ofNullable(this.mongo.findOne(
				query(where("emailKey").is(address.strip().toLowerCase(java.util.Locale.ROOT))), Subscriber.class));
	}

	/**
	 * Subscribers in one status, the newest first.
	 * @param status the status
	 * @param skip how many to pass over
	 * @param limit most subscribers
	 * @return them
	 */
	public List<Subscriber> findByStatus(SubscriberStatus status, int skip, int limit) {
		return this.mongo.find(query(where("status").is(status)).with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.skip(skip)
			.limit(limit), Subscriber.class);
	}

	/**
	 * Number of subscribers in each status.
	 * @return counts, zero for a status without subscribers
	 */
	public Map<SubscriberStatus, Long> countByStatus() {
		Map<SubscriberStatus, Long> counts = new EnumMap<>(SubscriberStatus.class);
		for (SubscriberStatus status : SubscriberStatus.values()) {
			counts.put(status, 0L);
		}
		Aggregation byStatus = Aggregation.newAggregation(Aggregation.group("status").count().as("count"));
		this.mongo.aggregate(byStatus, Subscriber.COLLECTION, Document.class)
			.forEach((row) -> counts.put(SubscriberStatus.valueOf(row.getString("_id")),
					((Number) row.get("count")).longValue()));
		return counts;
	}

	/**
	 * Narrows a selection to a token version; subscribers stored before token versions
	 * have none, which is version 0.
	 */
	private static Criteria atVersion(Criteria criteria, long tokenVersion) {
		return (tokenVersion == 0) ? criteria.and("tokenVersion").in(0L, null)
				: criteria.and("tokenVersion").is(tokenVersion);
	}

	private Subscriber modify(Criteria criteria, Update update) {
		return modify(this.mongo, criteria, update);
	}

	/**
	 * Changes one subscriber atomically if it matches.
	 * @return the subscriber as changed, or {@code null} when none matched
	 */
	static Subscriber modify(MongoTemplate mongo, Criteria criteria, Update update) {
		return mongo.findAndModify(query(criteria), update, FindAndModifyOptions.options().returnNew(true),
				Subscriber.class);
	}

}
