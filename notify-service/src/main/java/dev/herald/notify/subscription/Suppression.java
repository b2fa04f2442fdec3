package dev.herald.notify.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Whether a subscriber still receives email after its address failed: permanent failures
 * are counted and suppress the subscriber at a limit; an email that goes through forgets
 * them; an operator can suppress or reactivate a subscriber by hand. Every change is one
 * atomic operation conditioned on the status it expects.
 */
@Component
public class Suppression {

	private final MongoTemplate mongo;

	private final Clock clock;

	Suppression(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Count a permanent delivery failure, suppressing the subscriber when it reaches the
	 * limit.
	 * @param id the subscriber id
	 * @param suppressAfter failures that suppress
	 * @return whether the subscriber is now suppressed
	 */
	public boolean recordPermanentFailure(String id, int suppressAfter) {
		Instant now = this.clock.instant();
		Subscriber counted = SubscriberStore.modify(this.mongo, where("_id").is(id),
				new Update().inc("permanentFailures", 1).set("updatedAt", now));
		if (counted == null || counted.permanentFailures() < suppressAfter) {
			return false;
		}
		this.mongo.updateFirst(query(where("_id").is(id).and("status").is(SubscriberStatus.ACTIVE)),
				new Update().set("status", SubscriberStatus.SUPPRESSED).set("updatedAt", now), Subscriber.class);
		return true;
	}

	/**
	 * Forget the permanent failures of a subscriber whose email went through.
	 * @param id the subscriber id
	 */
	public void clearFailures(String id) {
		this.mongo.updateFirst(query(where("_id").is(id).and("permanentFailures").gt(0)),
				new Update().set("permanentFailures", 0), Subscriber.class);
	}

	/**
	 * Stops alerts to a subscriber, as repeated permanent failures would; only a pending
	 * or active subscriber can be suppressed.
	 * @param id the subscriber
	 * @return the subscriber suppressed, empty when there was none to suppress
	 */
	public Optional<Subscriber> suppress(String id) {
		return Optional.ofNullable(SubscriberStore.modify(this.mongo,
				where("_id").is(id).and("status").in(SubscriberStatus.ACTIVE, SubscriberStatus.PENDING),
				new Update().set("status", SubscriberStatus.SUPPRESSED).set("updatedAt", this.clock.instant())));
	}

	/**
	 * Lets a suppressed subscriber receive alerts again, its failures forgotten.
	 * @param id the subscriber
	 * @return the subscriber reactivated, empty when it was not suppressed
	 */
	public Optional<Subscriber> reactivate(String id) {
		return Optional.ofNullable(
				SubscriberStore.modify(this.mongo, where("_id").is(id).and("status").is(SubscriberStatus.SUPPRESSED),
						new Update().set("status", SubscriberStatus.ACTIVE)
							.set("permanentFailures", 0)
							.set("updatedAt", this.clock.instant())));
	}

}
