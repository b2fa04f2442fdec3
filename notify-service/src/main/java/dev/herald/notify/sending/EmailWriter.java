package dev.herald.notify.sending;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ledger.PendingEmail;
import dev.herald.notify.mail.AlertContent;
import dev.herald.notify.mail.AlertRecipient;
import dev.herald.notify.mail.DigestContent;
import dev.herald.notify.mail.MailComposer;
import dev.herald.notify.mail.MessageIds;
import dev.herald.notify.mail.PreparedAlert;
import dev.herald.notify.record.RecordSnapshot;
import dev.herald.notify.schedule.EmailKind;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.token.SubscriberLinks;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Component;

/**
 * Writes the message of an email of the outbox: the alert of its one record, or a digest
 * of its records grouped by the topic that brought them. An alert's {@code Message-ID}
 * derives from its record and subscriber, a digest's from the email's id (subscriber and
 * period), so a repeat is recognisable as one. A record's alert is rendered once for all
 * its recipients.
 */
@Component
class EmailWriter {

	private static final int RENDERED_KEPT = 64;

	private final MailComposer composer;

	private final SubscriberLinks links;

	private final Taxonomy topics;

	private final String catalogBaseUrl;

	private final String messageIdDomain;

	private final Map<String, PreparedAlert> rendered = new LinkedHashMap<>(RENDERED_KEPT, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, PreparedAlert> eldest) {
			return size() > RENDERED_KEPT;
		}

	};

	EmailWriter(MailComposer composer, SubscriberLinks links, Taxonomy topics, NotifyProperties properties) {
		this.composer = composer;
		this.links = links;
		this.topics = topics;
		String base = properties.catalogBaseUrl().toString();
		this.catalogBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.messageIdDomain = properties.mail().messageIdDomain();
	}

	/**
	 * The message of an email.
	 * @param email the email
	 * @param subscriber its recipient
	 * @param records the records it carries now, at least one
	 * @param searches for records matched by a saved search rather than a topic, the
	 * search's query
	 * @return the message, saved and ready to send
	 * @throws MessagingException when it cannot be built (an address the mail library
	 * refuses)
	 */
	MimeMessage write(PendingEmail email, Subscriber subscriber, List<RecordSnapshot> records,
			Map<String, String> searches) throws MessagingException {
		if (!email.kind().isDigest(records.size())) {
			RecordSnapshot record = records.get(0);
			String messageId = MessageIds.forAlert(record.id(), subscriber.id(), this.messageIdDomain);
			return this.composer.alert(prepared(record, subscriber.locale(), searches.get(record.id())),
					recipient(subscriber, messageId));
		}
		DigestContent digest = new DigestContent(heading(email.kind()), records.size(), groups(subscriber, records));
		return this.composer.digest(digest, recipient(subscriber, MessageIds.of(email.id(), this.messageIdDomain)),
				subscriber.locale());
	}

	private PreparedAlert prepared(RecordSnapshot record, Locale locale, String search) {
		String key = record.id() + "/" + locale.toLanguageTag() + ((search != null) ? "/" + search : "");
		PreparedAlert alert;
		synchronized (this.rendered) {
			alert = this.rendered.get(key);
		}
		if (alert == null) {
			// Rendered outside the lock, so that senders rendering different records do
			// not wait for one another; two rendering the same one keep either.
			alert = this.composer.prepare(content(record, locale), locale, search);
			synchronized (this.rendered) {
				this.rendered.putIfAbsent(key, alert);
			}
		}
		return alert;
	}

	/** Each record once, under the first topic it brought in the taxonomy's order. */
	private List<DigestContent.Group> groups(Subscriber subscriber, List<RecordSnapshot> records) {
		Locale locale = subscriber.locale();
		Map<String, List<RecordSnapshot>> byTopic = new LinkedHashMap<>();
		this.topics.slugs().forEach((slug) -> byTopic.put(slug, new ArrayList<>()));
		List<RecordSnapshot> others = new ArrayList<>();
		for (RecordSnapshot record : records) {
			String topic = this.topics.slugs()
				.stream()
				.filter((slug) -> record.topics() != null && record.topics().contains(slug)
						&& subscriber.followsAny(List.of(slug)))
				.findFirst()
				.orElse(null);
			((topic != null) ? byTopic.get(topic) : others).add(record);
		}
		Comparator<RecordSnapshot> newestFirst = Comparator
			.comparing(RecordSnapshot::occurredOn, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(RecordSnapshot::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()));
		List<DigestContent.Group> groups = new ArrayList<>();
		byTopic.forEach((slug, listed) -> {
			if (!listed.isEmpty()) {
				groups.add(new DigestContent.Group(this.topics.label(slug, locale),
						listed.stream().sorted(newestFirst).map((record) -> content(record, locale)).toList()));
			}
		});
		if (!others.isEmpty()) {
			groups.add(new DigestContent.Group(null,
					others.stream().sorted(newestFirst).map((record) -> content(record, locale)).toList()));
		}
		return groups;
	}

	private static String heading(EmailKind kind) {
		return switch (kind) {
			case DAILY -> "daily";
			case WEEKLY -> "weekly";
			default -> "held";
		};
	}

	private AlertContent content(RecordSnapshot record, Locale locale) {
		return new AlertContent(record.kind(), record.title(), record.occurredOn(), record.place(),
				record.organization(), orEmpty(record.bodies()), record.summary(),
				orEmpty(record.topics()).stream().map((slug) -> this.topics.label(slug, locale)).toList(),
				orEmpty(record.documentSymbols()), this.catalogBaseUrl + "/records/" + record.id());
	}

	private AlertRecipient recipient(Subscriber subscriber, String messageId) {
		return new AlertRecipient(subscriber.email(), messageId,
				this.links.manage(subscriber.id(), subscriber.tokenVersion()),
				this.links.unsubscribe(subscriber.id(), subscriber.tokenVersion()),
				this.links.unsubscribeMailto(subscriber.id(), subscriber.tokenVersion()));
	}

	private static List<String> orEmpty(List<String> values) {
		return (values != null) ? values : List.of();
	}

}
