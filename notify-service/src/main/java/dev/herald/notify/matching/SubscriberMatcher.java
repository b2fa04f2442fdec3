package dev.herald.notify.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.herald.notify.NotifyMetrics;
import dev.herald.notify.NotifyProperties;
import dev.herald.notify.delivery.Delivery;
import dev.herald.notify.delivery.DeliveryHandoff;
import dev.herald.notify.delivery.DeliveryLedger;
import dev.herald.notify.mail.MessageIds;
import dev.herald.notify.record.RecordSnapshots;
import dev.herald.notify.subscription.SubscriberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Fans a record out to the active subscribers who follow one of its topics, page by page
 * through the (status, topics, _id) index: each page becomes ledger entries, inserted in
 * bulk with duplicates ignored, then handed to the senders. On a redelivered record, the
 * entries of the earlier run that never reached Kafka are handed off too.
 */
@Component
class SubscriberMatcher {

	private static final Logger logger = LoggerFactory.getLogger(SubscriberMatcher.class);

	private final SubscriberStore subscribers;

	private final DeliveryLedger ledger;

	private final DeliveryHandoff handoff;

	private final RecordSnapshots records;

	private final NotifyMetrics metrics;

	private final Clock clock;

	private final int pageSize;

	private final String messageIdDomain;

	SubscriberMatcher(SubscriberStore subscribers, DeliveryLedger ledger, DeliveryHandoff handoff,
			RecordSnapshots records, NotifyMetrics metrics, Clock clock, NotifyProperties properties) {
		this.subscribers = subscribers;
		this.ledger = ledger;
		this.handoff = handoff;
		this.records = records;
		this.metrics = metrics;
		this.clock = clock;
		this.pageSize = properties.matching().pageSize();
		this.messageIdDomain = properties.mail().messageIdDomain();
	}

	/**
	 * Match one record.
	 * @param record the record
	 * @return the number of subscribers matched
	 */
	long match(PublishedRecord record) {
		if (record.topics().isEmpty()) {
			return 0;
		}
		this.records.save(record.snapshot());
		long matched = 0;
		long created = 0;
		String last = null;
		List<String> page;
		do {
			page = this.subscribers.findActiveFollowing(record.topics(), last, this.pageSize);
			if (!page.isEmpty()) {
				created += matchPage(record.id(), page);
				matched += page.size();
				last = page.get(page.size() - 1);
			}
		}
		while (page.size() == this.pageSize);
		if (created > 0) {
			this.metrics.matched(matched);
		}
		logger.info("Record {} matched {} subscribers, {} new deliveries", record.id(), matched, created);
		return matched;
	}

	private int matchPage(String recordId, List<String> subscriberIds) {
		Instant now = this.clock.instant();
		List<Delivery> entries = new ArrayList<>(subscriberIds.size());
		for (String subscriberId : subscriberIds) {
			entries.add(Delivery.pending(recordId, subscriberId,
					MessageIds.forAlert(recordId, subscriberId, this.messageIdDomain), now));
		}
		Set<String> inserted = this.ledger.insertNew(entries);
		List<Delivery> toHandOff = (inserted.size() == entries.size()) ? entries
				: this.ledger.findNotHandedOff(entries.stream().map(Delivery::id).toList());
		this.handoff.handOff(toHandOff);
		return inserted.size();
	}

}
