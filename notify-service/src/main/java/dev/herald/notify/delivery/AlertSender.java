package dev.herald.notify.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.notify.NotifyMetrics;
import dev.herald.notify.NotifyProperties;
import dev.herald.notify.mail.AlertContent;
import dev.herald.notify.mail.AlertRecipient;
import dev.herald.notify.mail.MailComposer;
import dev.herald.notify.mail.PreparedAlert;
import dev.herald.notify.mail.SendResult;
import dev.herald.notify.mail.SmtpBatchSender;
import dev.herald.notify.record.RecordSnapshot;
import dev.herald.notify.record.RecordSnapshots;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStore;
import dev.herald.notify.token.SubscriberLinks;
import dev.herald.notify.topic.TopicCatalog;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a batch of requested deliveries: claims the ledger entries, checks each
 * subscriber is still active and still follows one of the record's topics (so an
 * unsubscribe takes effect before the next send), sends over one SMTP connection and
 * records each outcome as soon as the server answered.
 */
@Component
class AlertSender {

	private static final Logger logger = LoggerFactory.getLogger(AlertSender.class);

	private final DeliveryLedger ledger;

	private final SubscriberStore subscribers;

	private final RecordSnapshots records;

	private final MailComposer composer;

	private final SmtpBatchSender smtp;

	private final SubscriberLinks links;

	private final TopicCatalog topics;

	private final NotifyMetrics metrics;

	private final Clock clock;

	private final NotifyProperties properties;

	AlertSender(DeliveryLedger ledger, SubscriberStore subscribers, RecordSnapshots records, MailComposer composer,
			SmtpBatchSender smtp, SubscriberLinks links, TopicCatalog topics, NotifyMetrics metrics, Clock clock,
			NotifyProperties properties) {
		this.ledger = ledger;
		this.subscribers = subscribers;
		this.records = records;
		this.composer = composer;
		this.smtp = smtp;
		this.links = links;
		this.topics = topics;
		this.metrics = metrics;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Send the requested deliveries.
	 * @param requests the requests, in the order they were consumed
	 * @return the position of the first request that failed transiently and must be
	 * retried, or -1
	 */
	int send(List<DeliveryRequested> requests) {
		Map<String, Integer> positions = new LinkedHashMap<>();
		for (int i = 0; i < requests.size(); i++) {
			positions.putIfAbsent(requests.get(i).deliveryId(), i);
		}
		String owner = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		DeliveryLedger.Claim claim = this.ledger.claim(positions.keySet(), owner, now,
				now.plus(this.properties.delivery().lease()));
		// An entry another sender holds is retried later: it is sent by then, or its
		// holder died and the lease has run out.
		int firstBusy = claim.busy().stream().mapToInt(positions::get).min().orElse(-1);
		List<Delivery> claimed = new ArrayList<>(claim.entries());
		claimed.sort((a, b) -> Integer.compare(positions.get(a.id()), positions.get(b.id())));
		try {
			int firstTransient = sendAll(prepare(claimed), positions);
			return earliest(firstBusy, firstTransient);
		}
		finally {
			this.ledger.release(claimed.stream().map(Delivery::id).toList());
		}
	}

	private List<Outgoing> prepare(List<Delivery> claimed) {
		Map<String, Subscriber> subscribersById = this.subscribers
			.findAllById(claimed.stream().map(Delivery::subscriberId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		Map<String, RecordSnapshot> recordsById = this.records
			.findAllById(claimed.stream().map(Delivery::recordId).collect(Collectors.toSet()));
		List<Outgoing> outgoing = new ArrayList<>(claimed.size());
		Map<String, PreparedAlert> alerts = new HashMap<>();
		Instant now = this.clock.instant();
		for (Delivery entry : claimed) {
			Subscriber subscriber = subscribersById.get(entry.subscriberId());
			RecordSnapshot record = recordsById.get(entry.recordId());
			String skip = reasonToSkip(subscriber, record);
			if (skip != null) {
				this.ledger.markSkipped(entry.id(), skip, now);
				continue;
			}
			try {
				PreparedAlert alert = alerts.computeIfAbsent(record.id(),
						(id) -> this.composer.prepare(content(record)));
				outgoing.add(new Outgoing(entry, subscriber, this.composer.alert(alert, recipient(entry, subscriber))));
			}
			catch (MessagingException | RuntimeException ex) {
				logger.warn("Cannot compose the alert of delivery {}", entry.id(), ex);
				this.ledger.markFailed(entry.id(), "cannot compose the email: " + ex.getMessage(), now);
				this.metrics.emailFailed("invalid");
			}
		}
		return outgoing;
	}

	private static String reasonToSkip(Subscriber subscriber, RecordSnapshot record) {
		if (subscriber == null) {
			return "subscriber no longer exists";
		}
		if (!subscriber.isActive()) {
			return "subscriber is " + subscriber.status();
		}
		if (record == null) {
			return "record not found";
		}
		if (!subscriber.followsAny(record.topics())) {
			return "subscriber no longer follows the record's topics";
		}
		return null;
	}

	private int sendAll(List<Outgoing> outgoing, Map<String, Integer> positions) {
		List<MimeMessage> messages = outgoing.stream().map(Outgoing::message).toList();
		Set<String> untried = outgoing.stream()
			.map((o) -> o.entry().id())
			.collect(Collectors.toCollection(HashSet::new));
		int[] firstTransient = { -1 };
		this.smtp.send(messages, (result) -> {
			Outgoing sent = outgoing.get(result.index());
			untried.remove(sent.entry().id());
			if (record(sent, result)) {
				firstTransient[0] = earliest(firstTransient[0], positions.get(sent.entry().id()));
			}
		});
		int firstUntried = untried.stream().mapToInt(positions::get).min().orElse(-1);
		return earliest(firstTransient[0], firstUntried);
	}

	private static int earliest(int a, int b) {
		return (a < 0) ? b : ((b < 0) ? a : Math.min(a, b));
	}

	/**
	 * Record one outcome.
	 * @return whether it failed transiently
	 */
	private boolean record(Outgoing outgoing, SendResult result) {
		Instant now = this.clock.instant();
		String id = outgoing.entry().id();
		switch (result.outcome()) {
			case SENT -> {
				this.ledger.markSent(id, now);
				this.metrics.emailSent(result.took());
				if (outgoing.subscriber().permanentFailures() > 0) {
					this.subscribers.clearFailures(outgoing.subscriber().id());
				}
				return false;
			}
			case PERMANENT -> {
				this.ledger.markFailed(id, result.reply(), now);
				this.metrics.emailFailed("permanent");
				if (this.subscribers.recordPermanentFailure(outgoing.subscriber().id(),
						this.properties.delivery().suppressAfter())) {
					logger.info("Suppressed subscriber {} after repeated permanent failures",
							outgoing.subscriber().id());
				}
				return false;
			}
			default -> {
				this.ledger.recordTransientFailure(id, result.reply(), now);
				this.metrics.emailFailed("transient");
				return true;
			}
		}
	}

	private AlertContent content(RecordSnapshot record) {
		String recordUrl = UriComponentsBuilder.fromUri(this.properties.catalogBaseUrl())
			.path("/records/{id}")
			.buildAndExpand(record.id())
			.toUriString();
		return new AlertContent(record.kind(), record.title(), record.occurredOn(), record.place(),
				record.organization(), orEmpty(record.bodies()), record.summary(),
				orEmpty(record.topics()).stream().map(this.topics::label).toList(), orEmpty(record.documentSymbols()),
				recordUrl);
	}

	private AlertRecipient recipient(Delivery entry, Subscriber subscriber) {
		return new AlertRecipient(subscriber.email(), entry.messageId(), this.links.manage(subscriber.id()),
				this.links.unsubscribe(subscriber.id()), this.links.unsubscribeMailto(subscriber.id()));
	}

	private static List<String> orEmpty(List<String> values) {
		return (values != null) ? values : List.of();
	}

	private record Outgoing(Delivery entry, Subscriber subscriber, MimeMessage message) {
	}

}
