package dev.herald.notify.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What matching reads of subscribers: who follows a record's topics, and whose saved
 * searches changed. Each read takes only the fields matching needs, through the indexes
 * {@link SubscriberStore} creates.
 */
@Component
public class Followers {

	private final MongoTemplate mongo;

	Followers(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * One page of the active subscribers following any of the given topics, in id order,
	 * with what matching needs of them: their topics and schedule.
	 * @param topics topic slugs
	 * @param afterId the last id of the previous page, or {@code null} for the first page
	 * @param limit page size
	 * @return the subscribers
	 */
	public List<Follower> findActiveFollowing(Collection<String> topics, String afterId, int limit) {
		Criteria criteria = where("status").is(SubscriberStatus.ACTIVE).and("topics").in(topics);
		if (afterId != null) {
			criteria = criteria.and("_id").gt(afterId);
		}
		Query page = query(criteria).with(Sort.by("_id")).limit(limit);
		page.fields().include("_id", "topics", "schedule");
		return this.mongo.find(page, Follower.class, Subscriber.COLLECTION);
	}

	/**
	 * The active subscribers among some.
	 * @param ids subscriber ids
	 * @return those active, as followers
	 */
	public List<Follower> findActiveFollowers(Collection<String> ids) {
		Query active = query(where("_id").in(ids).and("status").is(SubscriberStatus.ACTIVE));
		active.fields().include("_id", "topics", "schedule");
		return this.mongo.find(active, Follower.class, Subscriber.COLLECTION);
	}

	/**
	 * Subscribers changed since an instant, with what saved searches need of them.
	 * @param since the instant
	 * @return their searches
	 */
	public List<SavedSearches> findChangedSince(Instant since) {
		Query changed = query(where("updatedAt").gte(since));
		changed.fields().include("_id", "status", "searches", "updatedAt");
		return this.mongo.find(changed, SavedSearches.class, Subscriber.COLLECTION);
	}

}
