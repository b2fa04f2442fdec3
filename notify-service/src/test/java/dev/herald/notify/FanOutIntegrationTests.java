package dev.herald.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.herald.localstack.test.HeraldInfrastructure;
import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.mail.MessageIds;
import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record matching 5,000 subscribers: 5,000 emails, none twice, while the record
 * listener keeps taking new records.
 */
@NotifyIntegrationTest
class FanOutIntegrationTests {

	private static final int SUBSCRIBERS = 5000;

	private final HeraldInfrastructure infra = HeraldInfrastructure.get();

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private DeliveryLedger ledger;

	@Test
	void recordMatchingFiveThousandSubscribersShouldSendFiveThousandEmailsOnceEach() {
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
		InboxStream inbox = new InboxStream(this.infra);
		this.infra.purgeMessages();
		inbox.poll();

		try (RecordsTopic records = new RecordsTopic(this.infra)) {
			records.publish(big);
			// The inbox is read all along: the server keeps only its most recent emails.
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> inbox.poll() != null && total(this.ledger.countByStatus(big.id())) == SUBSCRIBERS);
			records.publish(next);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> inbox.poll() != null && entry(next.id(), lone.id()) != null);
			assertThat(this.ledger.countByStatus(big.id()).get(DeliveryStatus.SCHEDULED))
				.as("the next record was matched while the fan-out was still being sent")
				.isPositive();
		}

		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> count(inbox.poll(), expectedIds) >= SUBSCRIBERS);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.ledger.countByStatus(big.id()).get(DeliveryStatus.SENT) == SUBSCRIBERS);
		List<InboxStream.Email> received = inbox.poll()
			.stream()
			.filter((email) -> expectedIds.contains(email.messageId()))
			.toList();
		assertThat(received).hasSize(SUBSCRIBERS);
		assertThat(received.stream().map(InboxStream.Email::messageId).distinct()).hasSize(SUBSCRIBERS);
		assertThat(received.stream().map(InboxStream.Email::to).collect(Collectors.toSet()))
			.isEqualTo(crowd.stream().map(Subscriber::email).collect(Collectors.toSet()));
		await().atMost(Duration.ofSeconds(60)).until(() -> entry(next.id(), lone.id()).status() == DeliveryStatus.SENT);
	}

	private Delivery entry(String recordId, String subscriberId) {
		return this.mongo.findById(Delivery.idOf(recordId, subscriberId), Delivery.class);
	}

	private static long total(Map<DeliveryStatus, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	private List<Subscriber> seed(int count, String topic, String prefix) {
		Instant now = Instant.now();
		List<Subscriber> seeded = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String email = prefix + "-" + i + "@example.org";
			seeded.add(new Subscriber(UUID.randomUUID().toString(), email, email, List.of(topic),
					SubscriberStatus.ACTIVE, Schedule.immediate(), "en", now, now, now, null, 0, 0L, null));
		}
		this.mongo.insert(seeded, Subscriber.class);
		return seeded;
	}

	private static long count(List<InboxStream.Email> emails, Set<String> expectedIds) {
		Set<String> seen = new HashSet<>();
		emails.stream().map(InboxStream.Email::messageId).filter(expectedIds::contains).forEach(seen::add);
		return seen.size();
	}

}
