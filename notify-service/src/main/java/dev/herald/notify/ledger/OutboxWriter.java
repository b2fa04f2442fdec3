package dev.herald.notify.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import dev.herald.notify.schedule.Slot;
import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Puts matched records into the emails that will carry them: creates an email, or adds to
 * one that waits, a few round trips for a whole poll of records whatever the number of
 * subscribers. An email a sender already holds is never added to: the records go to the
 * subscriber's next email instead, so that nothing joins an email after it was written.
 */
@Component
public class OutboxWriter {

	private static final int MAX_ROUNDS = 5;

	private final MongoTemplate mongo;

	private final Outbox outbox;

	OutboxWriter(MongoTemplate mongo, Outbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	/**
	 * Adds records to emails.
	 * @param additions what goes where
	 * @param now the current time
	 * @param moved told of each addition that had to go to a later email than planned,
	 * before it goes there
	 */
	public void add(List<Addition> additions, Instant now, BiConsumer<Addition, Slot> moved) {
		List<Addition> pending = additions;
		for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
			pending = round(pending, now, moved);
		}
		if (!pending.isEmpty()) {
			throw new IllegalStateException(pending.size() + " emails kept changing while records were added");
		}
	}

	private List<Addition> round(List<Addition> additions, Instant now, BiConsumer<Addition, Slot> moved) {
		Map<String, PendingEmail> existing = this.outbox
			.findAllById(additions.stream().map((addition) -> addition.slot().emailId()).distinct().toList())
			.stream()
			.collect(Collectors.toMap(PendingEmail::id, Function.identity()));
		List<Addition> again = new ArrayList<>();
		List<Addition> inserts = new ArrayList<>();
		List<Addition> updates = new ArrayList<>();
		for (Addition addition : additions) {
			PendingEmail email = existing.get(addition.slot().emailId());
			if (email == null) {
				inserts.add(addition);
			}
			else if (email.records().containsAll(addition.records())) {
				continue;
			}
			else if (email.isHeld(now)) {
				Addition rest = addition.without(email.records());
				Addition later = rest.to(addition.next().apply(addition.slot()));
				moved.accept(rest, later.slot());
				again.add(later);
			}
			else {
				updates.add(addition);
			}
		}
		again.addAll(insert(merged(inserts), now));
		again.addAll(update(merged(updates), existing));
		return again;
	}

	/** Additions to the same email become one write. */
	private static List<Addition> merged(List<Addition> inserts) {
		Map<String, Addition> byEmail = new LinkedHashMap<>();
		inserts.forEach((addition) -> byEmail.merge(addition.slot().emailId(), addition, Addition::plus));
		return List.copyOf(byEmail.values());
	}

	private List<Addition> insert(List<Addition> inserts, Instant now) {
		if (inserts.isEmpty()) {
			return List.of();
		}
		List<Document> documents = new ArrayList<>();
		for (Addition addition : inserts) {
			Document document = new Document();
			this.mongo.getConverter()
				.write(PendingEmail.of(addition.slot().emailId(), addition.subscriberId(), addition.slot().kind(),
						addition.records(), addition.slot().dueAt(), now), document);
			documents.add(document);
		}
		try {
			this.mongo.getCollection(PendingEmail.COLLECTION)
				.insertMany(documents, new InsertManyOptions().ordered(false));
			return List.of();
		}
		catch (MongoBulkWriteException ex) {
			List<Addition> again = new ArrayList<>();
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				// Created by another writer meanwhile: added to in the next round.
				again.add(inserts.get(error.getIndex()));
			}
			return again;
		}
	}

	private List<Addition> update(List<Addition> updates, Map<String, PendingEmail> existing) {
		if (updates.isEmpty()) {
			return List.of();
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, PendingEmail.class);
		for (Addition addition : updates) {
			bulk.updateOne(Outbox.current(existing.get(addition.slot().emailId())),
					new Update().addToSet("records").each(addition.records().toArray()).inc("version", 1));
		}
		if (bulk.execute().getModifiedCount() == updates.size()) {
			return List.of();
		}
		// Some email changed meanwhile: those without their records are tried again.
		Map<String, PendingEmail> now = this.outbox
			.findAllById(updates.stream().map((addition) -> addition.slot().emailId()).distinct().toList())
			.stream()
			.collect(Collectors.toMap(PendingEmail::id, Function.identity()));
		return updates.stream().filter((addition) -> {
			PendingEmail email = now.get(addition.slot().emailId());
			return email == null || !new HashSet<>(email.records()).containsAll(addition.records());
		}).toList();
	}

	/**
	 * Records that go to one subscriber in one email.
	 *
	 * @param slot the email
	 * @param subscriberId the subscriber
	 * @param records the records
	 * @param next the slot that follows a given one, should it be taken
	 */
	public record Addition(Slot slot, String subscriberId, List<String> records, Function<Slot, Slot> next) {

		Addition to(Slot other) {
			return new Addition(other, this.subscriberId, this.records, this.next);
		}

		Addition without(List<String> carried) {
			return new Addition(this.slot, this.subscriberId,
					this.records.stream().filter((record) -> !carried.contains(record)).toList(), this.next);
		}

		Addition plus(Addition other) {
			List<String> all = new ArrayList<>(this.records);
			other.records.stream().filter((record) -> !all.contains(record)).forEach(all::add);
			return new Addition(this.slot, this.subscriberId, all, this.next);
		}

	}

}
