package dev.herald.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.herald.localstack.test.HeraldInfrastructure;
import dev.herald.notify.delivery.Delivery;
import dev.herald.notify.delivery.DeliveryLedger;
import dev.herald.notify.delivery.DeliveryStatus;
import dev.herald.notify.mail.MessageIds;
import dev.herald.notify.subscription.Frequency;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A record matching 5,000 subscribers: 5,000 emails, none twice, while the record
 * listener keeps taking new records.
 */
@NotifyIntegrationTest
class FanOutIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(FanOutIntegrationTests.class);

	private static final int SUBSCRIBERS = 5000;

	private final HeraldInfrastructure infra = HeraldInfrastructure.get();

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private DeliveryLedger ledger;

	@Autowired
	private JavaMailSenderImpl mailSender;

	@Test
	void recordMatchingFiveThousandSubscribersShouldSendFiveThousandEmailsOnceEach() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String crowdTopic = "fan-out-" + run;
		String loneTopic = "fan-out-lone-" + run;
		List<Subscriber> crowd = seed(SUBSCRIBERS, crowdTopic, "crowd-" + run);
		Subscriber lone = seed(1, loneTopic, "lone-" + run).get(0);
		Set<String> expectedIds = new HashSet<>();
		TestRecords big = TestRecords.meeting(crowdTopic);
		TestRecords next = TestRecords.meeting(loneTopic);
		crowd.forEach(
				(subscriber) -> expectedIds.add(MessageIds.forAlert(big.id(), subscriber.id(), "herald.localhost")));
		long baseline = rawPooledEmailsPerSecond(500);
		InboxStream inbox = new InboxStream(this.infra);
		this.infra.purgeMessages();
		inbox.poll();

		try (RecordsTopic records = new RecordsTopic(this.infra)) {
			records.publish(big);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> this.ledger.countByRecord(big.id(), null) == SUBSCRIBERS);
			records.publish(next);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> this.ledger.findById(Delivery.idOf(next.id(), lone.id())) != null);
			assertThat(this.ledger.countByRecord(big.id(), DeliveryStatus.PENDING))
				.as("the next record was matched while the fan-out was still being sent")
				.isPositive();
		}

		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> count(inbox.poll(), expectedIds) >= SUBSCRIBERS);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.ledger.countByRecord(big.id(), DeliveryStatus.SENT) == SUBSCRIBERS);
		List<InboxStream.Email> received = inbox.poll()
			.stream()
			.filter((email) -> expectedIds.contains(email.messageId()))
			.toList();
		assertThat(received).hasSize(SUBSCRIBERS);
		assertThat(received.stream().map(InboxStream.Email::messageId).distinct()).hasSize(SUBSCRIBERS);
		assertThat(received.stream().map(InboxStream.Email::to).collect(Collectors.toSet()))
			.isEqualTo(crowd.stream().map(Subscriber::email).collect(Collectors.toSet()));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.ledger.findById(Delivery.idOf(next.id(), lone.id())).status() == DeliveryStatus.SENT);
		logThroughput(big.id(), baseline);
	}

	private List<Subscriber> seed(int count, String topic, String prefix) {
		Instant now = Instant.now();
		List<Subscriber> seeded = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String email = prefix + "-" + i + "@example.org";
			seeded.add(new Subscriber(UUID.randomUUID().toString(), email, email, List.of(topic),
					SubscriberStatus.ACTIVE, Frequency.IMMEDIATE, "en", now, now, now, null, 0));
		}
		this.mongo.insert(seeded, Subscriber.class);
		return seeded;
	}

	private static long count(List<InboxStream.Email> emails, Set<String> expectedIds) {
		Set<String> seen = new HashSet<>();
		emails.stream().map(InboxStream.Email::messageId).filter(expectedIds::contains).forEach(seen::add);
		return seen.size();
	}

	/**
	 * The baseline of the same SMTP server on this machine in this run: plain messages in
	 * a loop over one reused connection.
	 */
	private long rawPooledEmailsPerSecond(int count) throws Exception {
		Session session = this.mailSender.getSession();
		List<MimeMessage> messages = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			MimeMessage message = new MimeMessage(session);
			message.setFrom("baseline@herald.localhost");
			message.setRecipients(Message.RecipientType.TO, "baseline-" + i + "@example.org");
			message.setSubject("Baseline " + i);
			message.setText("Baseline message " + i);
			message.saveChanges();
			messages.add(message);
		}
		long start = System.nanoTime();
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect(this.mailSender.getHost(), this.mailSender.getPort(), null, null);
			for (MimeMessage message : messages) {
				transport.sendMessage(message, message.getAllRecipients());
			}
		}
		long millis = Math.max(1, Duration.ofNanos(System.nanoTime() - start).toMillis());
		return count * 1000L / millis;
	}

	private void logThroughput(String recordId, long baseline) {
		Query byRecord = query(where("recordId").is(recordId));
		Delivery first = this.mongo.findOne(Query.of(byRecord).with(Sort.by("sentAt")).limit(1), Delivery.class);
		Delivery last = this.mongo.findOne(Query.of(byRecord).with(Sort.by(Sort.Direction.DESC, "sentAt")).limit(1),
				Delivery.class);
		Duration sending = Duration.between(first.sentAt(), last.sentAt());
		long perSecond = SUBSCRIBERS * 1000L / Math.max(1, sending.toMillis());
		logger.info("Fan-out of {} emails sent in {} ms: {} emails/s; raw pooled SMTP loop on the same server: {} "
				+ "emails/s", SUBSCRIBERS, sending.toMillis(), perSecond, baseline);
	}

}
