package dev.herald.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.herald.notify.Mailbox;
import dev.herald.notify.NotifyScenarioSupport;
import dev.herald.notify.NotifyIntegrationTest;
import dev.herald.notify.Subscribers;
import dev.herald.notify.TestRecords;
import dev.herald.notify.mail.MessageIds;
import dev.herald.notify.record.RecordSnapshot;
import dev.herald.notify.record.RecordSnapshots;
import dev.herald.notify.subscription.Subscriber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts survive what goes wrong between a match and the SMTP server: the server being
 * down, and the process dying between the ledger and Kafka.
 */
@NotifyIntegrationTest
class DeliveryReliabilityIntegrationTests extends NotifyScenarioSupport {

	private static final String TOPIC = "crisis-response";

	@Autowired
	private DeliveryLedger ledger;

	@Autowired
	private RecordSnapshots snapshots;

	@Autowired
	private HandoffSweeper sweeper;

	@Test
	void smtpServerDownWhileARecordIsPublishedShouldDeliverTheAlertOnceItIsBack() {
		String email = Subscribers.newAddress("patient");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, TOPIC);
		TestRecords record = TestRecords.meeting(TOPIC);
		String deliveryId = Delivery.idOf(record.id(), subscriber.id());
		this.infra.stopSmtp();
		try {
			this.records.publish(record);
			// Matched while the server is down; whether a send was tried yet depends on
			// what
			// else waits in the same deliveries partition, so only the outcome is
			// asserted.
			await().atMost(Duration.ofSeconds(60)).until(() -> this.ledger.findById(deliveryId) != null);
			assertThat(this.ledger.findById(deliveryId).status()).isEqualTo(DeliveryStatus.PENDING);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.mvc.get().uri("/actuator/health/readiness"))
					.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
					.bodyJson()
					.extractingPath("$.components.mail.status")
					.isEqualTo("DOWN"));
			assertThat(this.mailbox.to(email, record.title())).isEmpty();
		}
		finally {
			this.infra.startSmtp();
		}
		await().atMost(Duration.ofMinutes(3))
			.until(() -> this.ledger.findById(deliveryId).status() == DeliveryStatus.SENT);
		assertThat(this.mailbox.to(email, record.title())).hasSize(1);
	}

	@Test
	void entryNeverHandedOffShouldBeSentOnceByTheSweeper() {
		String email = Subscribers.newAddress("orphan");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, TOPIC);
		String recordId = UUID.randomUUID().toString();
		String title = "Record whose hand-off was interrupted " + recordId;
		this.snapshots.save(new RecordSnapshot(recordId, "STATEMENT", title, "Summary", LocalDate.parse("2024-01-15"),
				null, null, "CSTO", List.of(), List.of(), List.of(TOPIC), "en", Instant.now()));
		Instant beforeTheCrash = Instant.now().minus(Duration.ofMinutes(10));
		this.ledger.insertNew(List.of(Delivery.pending(recordId, subscriber.id(),
				MessageIds.forAlert(recordId, subscriber.id(), "herald.localhost"), beforeTheCrash)));

		assertThat(this.sweeper.sweep()).isGreaterThanOrEqualTo(1);
		String deliveryId = Delivery.idOf(recordId, subscriber.id());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.ledger.findById(deliveryId).status() == DeliveryStatus.SENT);
		this.sweeper.sweep();
		assertThat(this.ledger.findById(deliveryId).status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(this.mailbox.to(email, title)).hasSize(1)
			.first()
			.satisfies((alert) -> assertThat(Mailbox.subjectOf(alert)).startsWith("[Herald] Statement: "));
	}

}
