package dev.herald.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.mail.MessageIds;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscriber's story end to end, on the real broker, MongoDB-protocol server and SMTP
 * server: subscribe, confirm from the email, receive exactly one alert per matching
 * record, manage and leave with one click.
 */
@NotifyIntegrationTest
class SubscriptionFlowIntegrationTests extends NotifyScenarioSupport {

	private static final String FOLLOWED = "information-security";

	private static final String OTHER = "peacekeeping";

	@Autowired
	private DeliveryLedger ledger;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Test
	void confirmedSubscriberShouldGetExactlyOneAlertForAMatchingRecordAndNoneForOthers() throws Exception {
		String email = Subscribers.newAddress("reader");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, FOLLOWED);

		TestRecords matching = TestRecords.meeting(FOLLOWED, OTHER);
		RecordMetadata published = this.records.publish(matching);
		MimeMessage alert = awaitSentAlert(matching, subscriber);
		this.records.awaitConsumed(published);

		assertThat(this.mailbox.to(email, matching.title())).hasSize(1);
		assertThat(Mailbox.subjectOf(alert)).isEqualTo("[Herald] Meeting: " + matching.title());
		assertThat(alert.getContentType()).startsWith("multipart/alternative");
		String text = Mailbox.part(alert, "text/plain");
		String html = Mailbox.part(alert, "text/html");
		for (String body : List.of(text, html)) {
			assertThat(body).contains(matching.title(), "13 November 2023", "Moscow, Russia", "CSTO",
					"Council of the Consultative Coordination Centre", "review responses to computer incidents",
					"Information security", "Peacekeeping", "A/75/906", "S/2021/534",
					"https://catalog.herald.test/records/" + matching.id(),
					"https://notify.herald.test/subscriptions/manage?token=",
					"https://notify.herald.test/unsubscribe?token=");
		}
		assertThat(Mailbox.header(alert, "Message-ID"))
			.isEqualTo(MessageIds.forAlert(matching.id(), subscriber.id(), "herald.localhost"));
		assertThat(Mailbox.header(alert, "List-Id")).isEqualTo("Herald alerts <alerts.herald.localhost>");
		assertThat(Mailbox.header(alert, "List-Unsubscribe"))
			.matches("<https://notify\\.herald\\.test/unsubscribe\\?token=[A-Za-z0-9_.-]+>, "
					+ "<mailto:unsubscribe@herald\\.localhost\\?subject=unsubscribe%20[A-Za-z0-9_.-]+>");
		assertThat(Mailbox.header(alert, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		String manage = Mailbox.link(alert, "https://notify.herald.test/subscriptions/manage?token=");
		assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(manage))).hasStatusOk().bodyText().contains(email);

		TestRecords unrelated = TestRecords.meeting(OTHER);
		this.records.awaitConsumed(this.records.publish(unrelated));
		assertThat(this.ledger.findById(Delivery.idOf(unrelated.id(), subscriber.id()))).isNull();
		assertThat(this.mailbox.to(email, unrelated.title())).isEmpty();
		assertThat(this.mailbox.to(email)).hasSize(2);
	}

	@Test
	void unconfirmedSubscriberShouldGetNoAlert() {
		String email = Subscribers.newAddress("unconfirmed");
		this.subscribers.subscribeAndAwaitEmail(email, Subscribers.CONFIRM_SUBJECT, FOLLOWED);
		Subscriber pending = this.subscribers.find(email);
		assertThat(pending.status()).isEqualTo(SubscriberStatus.PENDING);

		TestRecords matching = TestRecords.meeting(FOLLOWED);
		this.records.awaitConsumed(this.records.publish(matching));
		assertThat(this.ledger.findById(Delivery.idOf(matching.id(), pending.id()))).isNull();
		assertThat(this.mailbox.to(email)).extracting(Mailbox::subjectOf).containsExactly(Subscribers.CONFIRM_SUBJECT);
	}

	@Test
	void recordDeliveredThreeTimesShouldStillSendOneEmail() {
		String email = Subscribers.newAddress("thrice");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, FOLLOWED);
		TestRecords record = TestRecords.meeting(FOLLOWED);
		RecordMetadata first = this.records.publish(record);
		RecordMetadata second = this.records.publish(record);
		RecordMetadata third = this.records.publish(record);
		awaitSentAlert(record, subscriber);
		this.records.awaitConsumed(first, second, third);
		Delivery delivery = this.ledger.findById(Delivery.idOf(record.id(), subscriber.id()));
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(delivery.sentAt()).isNotNull();
		assertThat(this.mailbox.to(email, record.title())).hasSize(1);
	}

	@Test
	void oneClickUnsubscribeShouldStopTheNextAlert() {
		String email = Subscribers.newAddress("leaver");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, FOLLOWED);
		TestRecords first = TestRecords.meeting(FOLLOWED);
		this.records.publish(first);
		MimeMessage alert = awaitSentAlert(first, subscriber);
		String header = Mailbox.header(alert, "List-Unsubscribe");
		String unsubscribe = header.substring(header.indexOf("<https://") + 1, header.indexOf('>'));

		assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(unsubscribe))).hasStatusOk()
			.bodyText()
			.contains("<form method=\"post\"", "name=\"List-Unsubscribe\" value=\"One-Click\"");
		assertThat(this.subscribers.find(email).status()).as("a GET never unsubscribes")
			.isEqualTo(SubscriberStatus.ACTIVE);

		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc.post()
				.uri(Mailbox.pathAndQuery(unsubscribe))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click")).hasStatusOk().bodyText().contains("You are unsubscribed");
			assertThat(this.subscribers.find(email).status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		}

		TestRecords next = TestRecords.meeting(FOLLOWED);
		this.records.awaitConsumed(this.records.publish(next));
		assertThat(this.ledger.findById(Delivery.idOf(next.id(), subscriber.id()))).isNull();
		assertThat(this.mailbox.to(email, next.title())).isEmpty();
	}

	@Test
	void subscribingAnActiveAddressAgainShouldSendAManageLinkThatChangesTopics() {
		String email = Subscribers.newAddress("manager");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, FOLLOWED);
		String token = manageToken(email);

		assertThat(this.mvc.get().uri("/api/v1/subscriptions/me").header("Authorization", "Bearer " + token))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.topics")
			.asArray()
			.containsExactly(FOLLOWED);
		assertThat(this.mvc.put()
			.uri("/api/v1/subscriptions/me")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"topics\":[\"" + OTHER + "\"]}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.topics")
			.asArray()
			.containsExactly(OTHER);
		assertThat(this.mvc.put()
			.uri("/api/v1/subscriptions/me")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"topics\":[\"knitting\"]}")).hasStatus(HttpStatus.BAD_REQUEST);

		TestRecords old = TestRecords.meeting(FOLLOWED);
		TestRecords followed = TestRecords.meeting(OTHER);
		this.records.publish(old);
		this.records.publish(followed);
		awaitSentAlert(followed, subscriber);
		assertThat(this.ledger.findById(Delivery.idOf(old.id(), subscriber.id()))).isNull();
		assertThat(this.mailbox.to(email, old.title())).isEmpty();
	}

	private String manageToken(String email) {
		MimeMessage manage = this.subscribers.subscribeAndAwaitEmail(email, Subscribers.MANAGE_SUBJECT, FOLLOWED);
		String link = Mailbox.link(manage, "https://notify.herald.test/subscriptions/manage?token=");
		return link.substring(link.indexOf("token=") + 6);
	}

	private MimeMessage awaitSentAlert(TestRecords record, Subscriber subscriber) {
		String deliveryId = Delivery.idOf(record.id(), subscriber.id());
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Delivery delivery = this.ledger.findById(deliveryId);
			return delivery != null && delivery.status() == DeliveryStatus.SENT;
		});
		List<MimeMessage> alerts = this.mailbox.to(subscriber.email(), record.title());
		assertThat(alerts).hasSize(1);
		return alerts.get(0);
	}

	@Test
	void alertsShouldBeInEachSubscribersLanguage() {
		String english = Subscribers.newAddress("reader-en");
		String russian = Subscribers.newAddress("reader-ru");
		String topic = "languages-" + UUID.randomUUID().toString().substring(0, 8);
		this.subscribers.subscribeAndConfirm(english, topic);
		this.subscribers.subscribeAndConfirm(russian, Map.of("language", "ru"), topic);
		TestRecords record = TestRecords.meeting(topic);
		this.records.publish(record);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mailbox.to(english, record.title()).size() == 1
					&& this.mailbox.to(russian, record.title()).size() == 1);
		MimeMessage inEnglish = this.mailbox.to(english, record.title()).get(0);
		MimeMessage inRussian = this.mailbox.to(russian, record.title()).get(0);
		assertThat(Mailbox.subjectOf(inEnglish)).startsWith("[Herald] Meeting: ");
		assertThat(Mailbox.subjectOf(inRussian)).startsWith("[Herald] Заседание: ");
		assertThat(Mailbox.part(inEnglish, "text/plain")).contains("Read the full record");
		assertThat(Mailbox.part(inRussian, "text/plain")).contains("Читать запись полностью")
			.doesNotContain("Read the full record");
		assertThat(Mailbox.part(inRussian, "text/html")).contains("lang=\"ru\"", "Отписаться");
	}

}
