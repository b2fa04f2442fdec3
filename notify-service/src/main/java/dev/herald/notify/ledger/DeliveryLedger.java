package dev.herald.notify.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import dev.herald.notify.NotifyProperties;
import dev.herald.notify.TtlIndex;
import dev.herald.notify.schedule.EmailKind;
import dev.herald.notify.schedule.Slot;
import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
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
 * The ledger entries: what matched whom, and what became of it. The unique id of an entry
 * (record and subscriber) is what keeps alerts single: a record matched again creates
 * nothing, and an entry once sent is never scheduled again.
 */
@Component
public class DeliveryLedger implements InitializingBean {

	private final MongoTemplate mongo;

	private final Duration retention;

	@Autowired
	DeliveryLedger(MongoTemplate mongo, NotifyProperties properties) {
		this(mongo, properties.retention().deliveries());
	}

	DeliveryLedger(MongoTemplate mongo, Duration retention) {
		this.mongo = mongo;
		this.retention = retention;
	}

	@Override
	public void afterPropertiesSet() {
		var indexes = this.mongo.indexOps(Delivery.class);
		indexes.createIndex(new Index().on("recordId", Sort.Direction.ASC).named("recordId"));
		indexes.createIndex(new CompoundIndexDefinition(new Document("subscriberId", 1).append("status", 1))
			.named("subscriberId_status"));
		TtlIndex.ensure(indexes, "createdAt", this.retention);
		indexes.createIndex(new Index().on("sentAt", Sort.Direction.DESC).named("sentAt_desc"));
	}

	/**
	 * Inserts entries, leaving those that exist as they are.
	 * @param entries new entries
	 * @return ids of the entries actually inserted
	 */
	public Set<String> insertNew(List<Delivery> entries) {
		Set<String> inserted = new HashSet<>();
		List<Document> documents = new ArrayList<>(entries.size());
		for (Delivery entry : entries) {
			inserted.add(entry.id());
			Document document = new Document();
			this.mongo.getConverter().write(entry, document);
			documents.add(document);
		}
		if (documents.isEmpty()) {
			return inserted;
		}
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
	 * Entries by id.
	 * @param ids entry ids
	 * @return those that exist
	 */
	public List<Delivery> findAllById(Collection<String> ids) {
		return ids.isEmpty() ? List.of() : this.mongo.find(query(where("_id").in(ids)), Delivery.class);
	}

	/**
	 * One entry.
	 * @param id {@code recordId:subscriberId}
	 * @return the entry, or {@code null}
	 */
	public Delivery findById(String id) {
		return this.mongo.findById(id, Delivery.class);
	}

	/**
	 * Points entries at the email that now carries them.
	 * @param ids entry ids
	 * @param slot the email
	 * @param at when
	 */
	public void moveTo(Collection<String> ids, Slot slot, Instant at) {
		update(ids,
				new Update().set("emailId", slot.emailId())
					.set("emailKind", slot.kind())
					.set("dueAt", slot.dueAt())
					.set("updatedAt", at));
	}

	/**
	 * Marks entries sent.
	 * @param ids entry ids
	 * @param at when the SMTP server accepted their email
	 */
	public void markSent(Collection<String> ids, Instant at) {
		update(ids,
				new Update().set("status", DeliveryStatus.SENT)
					.set("sentAt", at)
					.set("updatedAt", at)
					.unset("lastError"));
	}

	/**
	 * Marks entries failed for good or skipped.
	 * @param ids entry ids
	 * @param status {@link DeliveryStatus#FAILED} or {@link DeliveryStatus#SKIPPED}
	 * @param reason the server's reply, or why it was not sent
	 * @param at when
	 */
	public void markUnsent(Collection<String> ids, DeliveryStatus status, String reason, Instant at) {
		update(ids, new Update().set("status", status).set("lastError", reason).set("updatedAt", at));
	}

	/**
	 * Notes a failed try of entries still scheduled.
	 * @param ids entry ids
	 * @param reason the server's reply
	 * @param at when
	 */
	public void noteFailure(Collection<String> ids, String reason, Instant at) {
		update(ids, new Update().set("lastError", reason).set("updatedAt", at));
	}

	/**
	 * Puts a record's failed entries back on schedule, for a resend.
	 * @param recordId the record
	 * @param at when
	 * @return the entries put back
	 */
	public List<Delivery> requeueFailed(String recordId, Instant at) {
		List<String> ids = this.mongo
			.find(query(where("recordId").is(recordId).and("status").is(DeliveryStatus.FAILED)), Delivery.class)
			.stream()
			.map(Delivery::id)
			.toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		this.mongo.updateMulti(query(where("_id").in(ids).and("status").is(DeliveryStatus.FAILED)),
				new Update().set("status", DeliveryStatus.SCHEDULED).set("updatedAt", at), Delivery.class);
		return findAllById(ids).stream().filter((entry) -> entry.status() == DeliveryStatus.SCHEDULED).toList();
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
	 * Number of a record's entries in each status.
	 * @param recordId the record
	 * @return counts, zero for a status without entries
	 */
	public Map<DeliveryStatus, Long> countByStatus(String recordId) {
		Criteria criteria = (recordId != null) ? where("recordId").is(recordId) : new Criteria();
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status, 0L);
		}
		Aggregation byStatus = Aggregation.newAggregation(Aggregation.match(criteria),
				Aggregation.group("status").count().as("count"));
		this.mongo.aggregate(byStatus, Delivery.COLLECTION, Document.class)
			.forEach((row) -> counts.put(DeliveryStatus.valueOf(row.getString("_id")),
					((Number) row.get("count")).longValue()));
		return counts;
	}

	/**
	 * Number of entries of each record by status and by the kind of email that carries
	 * them.
	 * @param recordIds the records
	 * @return one count per record, status and kind that has entries
	 */
	public List<Count> countByRecordStatusAndKind(Collection<String> recordIds) {
		if (recordIds.isEmpty()) {
			return List.of();
		}
		Aggregation grouped = Aggregation.newAggregation(Aggregation.match(where("recordId").in(recordIds)),
				Aggregation.group("recordId", "status", "emailKind").count().as("count"));
		return this.mongo.aggregate(grouped, Delivery.COLLECTION, Document.class)
			.getMappedResults()
			.stream()
			.map((row) -> {
				Document id = (row.get("_id") instanceof Document nested) ? nested : row;
				String kind = id.getString("emailKind");
				return new Count(id.getString("recordId"), DeliveryStatus.valueOf(id.getString("status")),
						(kind != null) ? EmailKind.valueOf(kind) : null, ((Number) row.get("count")).longValue());
			})
			.toList();
	}

	/**
	 * A record's entries in one status, carried by emails of the given kinds.
	 * @param recordId the record
	 * @param status the status, or {@code null} for any
	 * @param kinds the kinds of email, empty for any
	 * @param limit most entries
	 * @return the entries, the newest first
	 */
	public List<Delivery> findByRecord(String recordId, DeliveryStatus status, Collection<EmailKind> kinds, int limit) {
		Query selected = byRecord(recordId, status);
		if (!kinds.isEmpty()) {
			selected.addCriteria(where("emailKind").in(kinds));
		}
		return this.mongo.find(selected.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Delivery.class);
	}

	/**
	 * A subscriber's newest entries.
	 * @param subscriberId the subscriber
	 * @param limit most entries
	 * @return the entries, the newest first
	 */
	public List<Delivery> findBySubscriber(String subscriberId, int limit) {
		return this.mongo
			.find(query(where("subscriberId").is(subscriberId)).with(Sort.by(Sort.Direction.DESC, "createdAt"))
				.limit(limit), Delivery.class);
	}

	/**
	 * Number of entries sent since a moment, by every instance.
	 * @param since the moment
	 * @return the count
	 */
	public long countSentSince(Instant since) {
		return this.mongo.count(query(where("status").is(DeliveryStatus.SENT).and("sentAt").gte(since)),
				Delivery.class);
	}

	/**
	 * Entries of one record in one status, by the kind of email carrying them.
	 *
	 * @param recordId the record
	 * @param status the status
	 * @param kind the kind of email, {@code null} when none was planned
	 * @param count how many
	 */
	public record Count(String recordId, DeliveryStatus status, EmailKind kind, long count) {
	}

	private Query byRecord(String recordId, DeliveryStatus status) {
		Criteria criteria = where("recordId").is(recordId);
		if (status != null) {
			criteria = criteria.and("status").is(status);
		}
		return query(criteria);
	}

	// Selected by id alone, which every MongoDB-protocol server answers from the _id
	// index.
	private void update(Collection<String> ids, Update update) {
		if (!ids.isEmpty()) {
			this.mongo.updateMulti(query(where("_id").in(ids)), update, Delivery.class);
		}
	}

}
