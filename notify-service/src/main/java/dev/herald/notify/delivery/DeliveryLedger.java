package dev.herald.notify.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
 * The delivery ledger. Its unique (record, subscriber) key is what keeps alerts single: a
 * record matched again creates nothing, and an entry once {@code SENT} is never claimed
 * again.
 */
@Component
public class DeliveryLedger implements InitializingBean {

	private final MongoTemplate mongo;

	DeliveryLedger(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Collection of the senders' claims on entries. */
	static final String LEASES = "delivery_leases";

	@Override
	public void afterPropertiesSet() {
		leases().createIndex(Indexes.ascending("until"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
		var indexes = this.mongo.indexOps(Delivery.class);
		indexes.createIndex(new Index().on("recordId", Sort.Direction.ASC)
			.on("subscriberId", Sort.Direction.ASC)
			.unique()
			.named("record_subscriber_unique"));
		indexes.createIndex(new CompoundIndexDefinition(new Document("status", 1).append("handedOffAt", 1))
			.named("status_handedOffAt"));
	}

	/**
	 * Insert entries, ignoring those that exist already.
	 * @param entries new entries
	 * @return ids of the entries actually inserted
	 */
	public Set<String> insertNew(List<Delivery> entries) {
		Set<String> inserted = new HashSet<>();
		entries.forEach((entry) -> inserted.add(entry.id()));
		List<Document> documents = new ArrayList<>(entries.size());
		entries.forEach((entry) -> {
			Document document = new Document();
			this.mongo.getConverter().write(entry, document);
			documents.add(document);
		});
		try {
			this.mongo.getCollection(Delivery.COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				inserted.remove(entries.get(error.getIndex()).id());
			}
		}
		return inserted;
	}

	/**
	 * Entries among the given ones that are pending and were never handed off.
	 * @param ids entry ids
	 * @return the entries
	 */
	public List<Delivery> findNotHandedOff(Collection<String> ids) {
		return this.mongo.find(
				query(where("_id").in(ids).and("status").is(DeliveryStatus.PENDING).and("handedOffAt").is(null)),
				Delivery.class);
	}

	/**
	 * Pending entries due for another hand-off: never handed off since before
	 * {@code neverHandedOffBefore}, or handed off before {@code staleBefore}. A duplicate
	 * hand-off is harmless: senders claim entries and skip those sent.
	 * @param neverHandedOffBefore creation time limit of entries never handed off
	 * @param staleBefore hand-off time limit of stalled entries
	 * @param limit most entries returned
	 * @return the entries
	 */
	public List<Delivery> findDueForHandoff(Instant neverHandedOffBefore, Instant staleBefore, int limit) {
		Criteria never = where("handedOffAt").is(null).and("createdAt").lt(neverHandedOffBefore);
		Criteria stale = where("handedOffAt").lt(staleBefore);
		Query due = query(where("status").is(DeliveryStatus.PENDING).orOperator(never, stale)).limit(limit);
		return this.mongo.find(due, Delivery.class);
	}

	/**
	 * Record that entries were handed to the senders.
	 * @param ids entry ids
	 * @param at when
	 */
	public void markHandedOff(Collection<String> ids, Instant at) {
		this.mongo.updateMulti(query(where("_id").in(ids)), new Update().set("handedOffAt", at), Delivery.class);
	}

	/**
	 * Claim entries for one sender. A claim is a lease document keyed by the entry id, so
	 * taking it is a plain insert that the unique {@code _id} lets only one sender win; a
	 * lease past its time is taken over. Entries no longer pending are not claimed.
	 * @param ids entry ids
	 * @param owner the sender's claim id
	 * @param now the current time
	 * @param leaseUntil until when the claim holds
	 * @return the pending entries claimed, and those held by another sender
	 */
	public Claim claim(Collection<String> ids, String owner, Instant now, Instant leaseUntil) {
		Set<String> won = insertLeases(ids, owner, leaseUntil);
		Set<String> contested = new HashSet<>(ids);
		contested.removeAll(won);
		if (!contested.isEmpty()) {
			Set<String> expired = takeOverExpired(contested, now);
			won.addAll(insertLeases(expired, owner, leaseUntil));
			contested.removeAll(won);
		}
		List<Delivery> entries = won.isEmpty() ? List.of()
				: this.mongo.find(query(where("_id").in(won)), Delivery.class);
		List<Delivery> pending = entries.stream().filter((entry) -> entry.status() == DeliveryStatus.PENDING).toList();
		Set<String> done = new HashSet<>(won);
		pending.forEach((entry) -> done.remove(entry.id()));
		release(done);
		Set<String> busy = contested.isEmpty() ? Set.of()
				: this.mongo.find(query(where("_id").in(contested)), Delivery.class)
					.stream()
					.filter((entry) -> entry.status() == DeliveryStatus.PENDING)
					.map(Delivery::id)
					.collect(Collectors.toSet());
		return new Claim(pending, busy);
	}

	/**
	 * Release claims.
	 * @param ids entry ids
	 */
	public void release(Collection<String> ids) {
		if (!ids.isEmpty()) {
			leases().deleteMany(Filters.in("_id", ids));
		}
	}

	private Set<String> insertLeases(Collection<String> ids, String owner, Instant until) {
		Set<String> won = new HashSet<>();
		if (ids.isEmpty()) {
			return won;
		}
		List<String> ordered = List.copyOf(ids);
		List<Document> leases = ordered.stream()
			.map((id) -> new Document("_id", id).append("owner", owner).append("until", Date.from(until)))
			.toList();
		won.addAll(ordered);
		try {
			leases().insertMany(leases, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				won.remove(ordered.get(error.getIndex()));
			}
		}
		return won;
	}

	private Set<String> takeOverExpired(Set<String> ids, Instant now) {
		Set<String> expired = new HashSet<>();
		for (Document lease : leases().find(Filters.in("_id", ids))) {
			Date until = lease.getDate("until");
			if (until != null && until.toInstant().isBefore(now)
					&& leases()
						.deleteOne(Filters.and(Filters.eq("_id", lease.getString("_id")), Filters.eq("until", until)))
						.getDeletedCount() == 1) {
				expired.add(lease.getString("_id"));
			}
		}
		return expired;
	}

	private MongoCollection<Document> leases() {
		return this.mongo.getCollection(LEASES);
	}

	/**
	 * The outcome of a claim.
	 *
	 * @param entries the pending entries now held by the claimant
	 * @param busy ids of pending entries another sender holds
	 */
	public record Claim(List<Delivery> entries, Set<String> busy) {
	}

	/**
	 * Mark a claimed entry sent.
	 * @param id entry id
	 * @param at when the SMTP server accepted it
	 */
	public void markSent(String id, Instant at) {
		update(id,
				new Update().set("status", DeliveryStatus.SENT)
					.inc("attempts", 1)
					.unset("lastError")
					.set("updatedAt", at)
					.set("sentAt", at));
	}

	/**
	 * Mark a claimed entry failed for good.
	 * @param id entry id
	 * @param error the server's reply or the error
	 * @param at when
	 */
	public void markFailed(String id, String error, Instant at) {
		update(id,
				new Update().set("status", DeliveryStatus.FAILED)
					.inc("attempts", 1)
					.set("lastError", error)
					.set("updatedAt", at));
	}

	/**
	 * Mark a claimed entry skipped.
	 * @param id entry id
	 * @param reason why it was not sent
	 * @param at when
	 */
	public void markSkipped(String id, String reason, Instant at) {
		update(id, new Update().set("status", DeliveryStatus.SKIPPED).set("lastError", reason).set("updatedAt", at));
	}

	/**
	 * Record a failed try of a claimed entry that may succeed later.
	 * @param id entry id
	 * @param error the server's reply or the error
	 * @param at when
	 */
	public void recordTransientFailure(String id, String error, Instant at) {
		update(id, new Update().inc("attempts", 1).set("lastError", error).set("updatedAt", at));
	}

	/**
	 * Mark an entry failed after its retries ran out, unless it was sent meanwhile. Its
	 * last error (the server's reply of the last try) is kept.
	 * @param id entry id
	 * @param fallbackError the error to record when no try recorded one
	 * @param at when
	 * @return whether the entry was marked
	 */
	public boolean markExhausted(String id, String fallbackError, Instant at) {
		Delivery entry = findById(id);
		if (entry == null || entry.status() != DeliveryStatus.PENDING) {
			return false;
		}
		String error = (entry.lastError() != null) ? entry.lastError() : fallbackError;
		return this.mongo.updateFirst(query(where("_id").is(id).and("status").is(DeliveryStatus.PENDING)),
				new Update().set("status", DeliveryStatus.FAILED)
					.set("lastError", "retries exhausted: " + error)
					.set("updatedAt", at),
				Delivery.class)
			.getModifiedCount() > 0;
	}

	/**
	 * Put failed entries of a record back to pending, for a resend.
	 * @param recordId the record
	 * @param at when
	 * @return the entries put back
	 */
	public List<Delivery> requeueFailed(String recordId, Instant at) {
		Query failed = query(where("recordId").is(recordId).and("status").is(DeliveryStatus.FAILED));
		List<String> ids = this.mongo.find(failed, Delivery.class).stream().map(Delivery::id).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		this.mongo.updateMulti(query(where("_id").in(ids).and("status").is(DeliveryStatus.FAILED)),
				new Update().set("status", DeliveryStatus.PENDING).set("updatedAt", at), Delivery.class);
		return this.mongo.find(query(where("_id").in(ids).and("status").is(DeliveryStatus.PENDING)), Delivery.class);
	}

	/**
	 * An entry by id.
	 * @param id the id
	 * @return the entry, or {@code null}
	 */
	public Delivery findById(String id) {
		return this.mongo.findById(id, Delivery.class);
	}

	/**
	 * One page of a record's entries, in subscriber order.
	 * @param recordId the record
	 * @param status only entries in this status, or {@code null} for all
	 * @param page the page
	 * @return the entries of the page
	 */
	public List<Delivery> findByRecord(String recordId, DeliveryStatus status, PageRequest page) {
		return this.mongo.find(byRecord(recordId, status).with(page.withSort(Sort.by("subscriberId"))), Delivery.class);
	}

	/**
	 * Number of a record's entries.
	 * @param recordId the record
	 * @param status only entries in this status, or {@code null} for all
	 * @return the count
	 */
	public long countByRecord(String recordId, DeliveryStatus status) {
		return this.mongo.count(byRecord(recordId, status), Delivery.class);
	}

	/**
	 * Number of entries in each status.
	 * @return counts, zero for a status without entries
	 */
	public Map<DeliveryStatus, Long> countByStatus() {
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status, 0L);
		}
		Aggregation byStatus = Aggregation.newAggregation(Aggregation.group("status").count().as("count"));
		this.mongo.aggregate(byStatus, Delivery.COLLECTION, Document.class)
			.forEach((row) -> counts.put(DeliveryStatus.valueOf(row.getString("_id")),
					((Number) row.get("count")).longValue()));
		return counts;
	}

	/**
	 * Number of pending entries.
	 * @return the count
	 */
	public long countPending() {
		return this.mongo.count(query(where("status").is(DeliveryStatus.PENDING)), Delivery.class);
	}

	private Query byRecord(String recordId, DeliveryStatus status) {
		Criteria criteria = where("recordId").is(recordId);
		if (status != null) {
			criteria = criteria.and("status").is(status);
		}
		return query(criteria);
	}

	// Only the claimant of an entry changes it, so the id alone selects it (and an
	// id-only filter stays on the _id index of every MongoDB-protocol server).
	private void update(String id, Update update) {
		this.mongo.updateFirst(query(where("_id").is(id)), update, Delivery.class);
	}

}
