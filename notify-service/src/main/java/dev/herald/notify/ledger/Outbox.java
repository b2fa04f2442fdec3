package dev.herald.notify.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.bulk.BulkWriteResult;
import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The emails still to send. Senders find the due ones, claim them with a lease they renew
 * while they work, and remove or release them; every change is a compare-and-set on the
 * email's version, so an instance whose lease was taken over (it stalled or died) can no
 * longer change, or send, what it had claimed.
 * <p>
 * Writes select an email by {@code _id} and {@code version} together, which a unique
 * index covers: MongoDB uses its {@code _id} index anyway, and the MongoDB-protocol
 * server of the tests and the local run uses an index only for a filter on exactly the
 * fields of a unique one.
 */
@Component
public class Outbox implements InitializingBean {

	private final MongoTemplate mongo;

	Outbox(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		var indexes = this.mongo.indexOps(PendingEmail.class);
		indexes.createIndex(new Index().on("_id", Sort.Direction.ASC)
			.on("version", Sort.Direction.ASC)
			.unique()
			.named("id_version_unique"));
		// The order of findDue, so that a page stops at its limit (an index named
		// dueAt_leaseUntil, from before pages, is no longer used and can be dropped).
		indexes.createIndex(new CompoundIndexDefinition(new Document("dueAt", 1).append("_id", 1)).named("dueAt_id"));
		indexes.createIndex(new Index().on("subscriberId", Sort.Direction.ASC).named("subscriberId"));
	}

	/**
	 * Emails by id.
	 * @param ids email ids
	 * @return those that exist
	 */
	public List<PendingEmail> findAllById(Collection<String> ids) {
		return ids.isEmpty() ? List.of() : this.mongo.find(query(where("_id").in(ids)), PendingEmail.class);
	}

	/**
	 * A page of the emails due and held by nobody, the longest due first (ties by id).
	 * @param now the current time
	 * @param limit most emails returned
	 * @param after the last email of the page before, or {@code null} for the first page
	 * @return the emails
	 */
	public List<DueEmail> findDue(Instant now, int limit, DueEmail after) {
		Criteria due = where("dueAt").lte(now).and("leaseUntil").lte(now);
		if (after != null) {
			due = due.orOperator(where("dueAt").gt(after.dueAt()),
					where("dueAt").is(after.dueAt()).and("_id").gt(after.id()));
		}
		Query page = query(due).with(Sort.by("dueAt", "_id")).limit(limit);
		page.fields().include("_id", "dueAt");
		return this.mongo.find(page, Document.class, PendingEmail.COLLECTION)
			.stream()
			.map((email) -> new DueEmail(email.getString("_id"), email.getDate("dueAt").toInstant()))
			.toList();
	}

	/**
	 * A subscriber's emails still to send, the soonest due first.
	 * @param subscriberId the subscriber
	 * @return the emails
	 */
	public List<PendingEmail> findBySubscriber(String subscriberId) {
		return this.mongo.find(query(where("subscriberId").is(subscriberId)).with(Sort.by("dueAt")),
				PendingEmail.class);
	}

	/**
	 * Claims emails that are due and held by nobody.
	 * @param ids the candidates
	 * @param owner the claiming sender
	 * @param now the current time
	 * @param lease how long the claim holds unless renewed
	 * @return the emails now held by the owner, as they now stand
	 */
	public List<PendingEmail> claim(Collection<String> ids, String owner, Instant now, Duration lease) {
		List<PendingEmail> free = findAllById(ids).stream()
			.filter((email) -> !email.dueAt().isAfter(now) && !email.isHeld(now))
			.toList();
		return hold(free, owner, now.plus(lease));
	}

	/**
	 * Extends the lease of emails still held.
	 * @param held emails as the owner last changed them
	 * @param owner the owner
	 * @param until the new end of the lease
	 * @return those still held by the owner, as they now stand; the rest were taken over
	 */
	public List<PendingEmail> renew(List<PendingEmail> held, String owner, Instant until) {
		return hold(held, owner, until);
	}

	private List<PendingEmail> hold(List<PendingEmail> emails, String owner, Instant until) {
		if (emails.isEmpty()) {
			return List.of();
		}
		Instant lease = until.truncatedTo(ChronoUnit.MILLIS);
		BulkWriteResult result = apply(emails,
				(email) -> new Update().set("owner", owner).set("leaseUntil", lease).inc("version", 1));
		if (result.getModifiedCount() == emails.size()) {
			return emails.stream().map((email) -> changed(email, owner, lease)).toList();
		}
		Map<String, Long> expected = emails.stream()
			.collect(Collectors.toMap(PendingEmail::id, (email) -> email.version() + 1));
		return findAllById(expected.keySet()).stream()
			.filter((email) -> owner.equals(email.owner()) && email.version() == expected.get(email.id()))
			.toList();
	}

	/**
	 * Removes emails that were sent.
	 * @param sent the emails, as their owner last changed them
	 * @return how many were removed (fewer if another sender took some over meanwhile)
	 */
	public int remove(List<PendingEmail> sent) {
		if (sent.isEmpty()) {
			return 0;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, PendingEmail.class);
		sent.forEach((email) -> bulk.remove(current(email)));
		return bulk.execute().getDeletedCount();
	}

	/**
	 * Gives emails up, to be tried again when due.
	 * @param emails the emails, as their owner last changed them
	 * @param dueAt when they are due again
	 * @param error the reply that stopped them, or {@code null}
	 * @param attempt whether this counts as a failed try
	 */
	public void release(List<PendingEmail> emails, Function<PendingEmail, Instant> dueAt, String error,
			boolean attempt) {
		if (emails.isEmpty()) {
			return;
		}
		apply(emails, (email) -> {
			Update update = new Update().unset("owner")
				.set("leaseUntil", PendingEmail.FREE)
				.set("dueAt", dueAt.apply(email))
				.inc("version", 1);
			if (attempt) {
				update.inc("attempts", 1).set("lastError", error);
			}
			return update;
		});
	}

	/**
	 * Makes a subscriber's emails due now, so that a sender plans them again after a
	 * change of schedule.
	 * @param subscriberId the subscriber
	 * @param now the current time
	 */
	public void makeDue(String subscriberId, Instant now) {
		// Emails a sender holds are left alone: their owner may be sending them.
		this.mongo.updateMulti(
				query(where("subscriberId").is(subscriberId).and("dueAt").gt(now).and("leaseUntil").lte(now)),
				new Update().set("dueAt", now).inc("version", 1), PendingEmail.class);
	}

	/**
	 * Number of emails still to send.
	 * @param now the current time
	 * @return those due now, and those due later
	 */
	public Backlog backlog(Instant now) {
		long due = this.mongo.count(query(where("dueAt").lte(now)), PendingEmail.class);
		long total = this.mongo.count(new Query(), PendingEmail.class);
		return new Backlog(due, total - due);
	}

	/**
	 * An email found due, and where it stands in the order of {@link #findDue}.
	 *
	 * @param id the email
	 * @param dueAt when it came due
	 */
	public record DueEmail(String id, Instant dueAt) {
	}

	/**
	 * Emails still to send.
	 *
	 * @param due due now (sending, or waiting for a sender or a relay)
	 * @param scheduled due later (digests, quiet hours, burst roll-ups)
	 */
	public record Backlog(long due, long scheduled) {
	}

	private BulkWriteResult apply(List<PendingEmail> emails, Function<PendingEmail, Update> change) {
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, PendingEmail.class);
		emails.forEach((email) -> bulk.updateOne(current(email), change.apply(email)));
		return bulk.execute();
	}

	/** Selects an email only as it stands at the given version. */
	static Query current(PendingEmail email) {
		return query(where("_id").is(email.id()).and("version").is(email.version()));
	}

	private static PendingEmail changed(PendingEmail email, String owner, Instant lease) {
		return new PendingEmail(email.id(), email.subscriberId(), email.kind(), email.records(), email.dueAt(), owner,
				lease, email.version() + 1, email.attempts(), email.lastError(), email.createdAt());
	}

}
