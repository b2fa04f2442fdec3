package dev.herald.notify;

import java.util.List;
import java.util.Map;

import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links in emails grant exactly what they were sent for, on the real SMTP server and
 * MongoDB-protocol server: a confirmation link opens a page and only its button confirms;
 * a later request that changes the subscription voids the older link; unsubscribing and
 * an operator's revocation void every manage link issued before, while one-click
 * unsubscribe links keep working. Confirmation emails are in the subscriber's language.
 */
@NotifyIntegrationTest
class SubscriberLinksIntegrationTests extends NotifyScenarioSupport {

	private static final String ADMIN_KEY = "dev-admin-key-change-me";

	private static final String CONFIRM = "https://notify.herald.test/subscriptions/confirm?token=";

	private static final String MANAGE = "https://notify.herald.test/subscriptions/manage?token=";

	@Test
	void getOfAConfirmationLinkShouldChangeNothingAndOnlyThePostConfirm() {
		String email = Subscribers.newAddress("scanned");
		String link = confirmationLink(email, "peacekeeping");
		for (int i = 0; i < 3; i++) {
			assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(link))).hasStatusOk()
				.bodyText()
				.contains("Confirm your subscription", "<form method=\"post\"");
		}
		assertThat(this.subscribers.find(email).status()).isEqualTo(SubscriberStatus.PENDING);
		assertThat(this.mvc.post().uri(Mailbox.pathAndQuery(link))).hasStatusOk()
			.bodyText()
			.contains("Your subscription is confirmed");
		assertThat(this.subscribers.find(email).status()).isEqualTo(SubscriberStatus.ACTIVE);
	}

	@Test
	void confirmationLinkOlderThanAChangeOfTopicsShouldDoNothing() {
		String email = Subscribers.newAddress("rewritten");
		String older = confirmationLink(email, "peacekeeping");
		String newer = confirmationLink(email, "information-security");
		assertThat(newer).isNotEqualTo(older);

		assertThat(this.mvc.post().uri(Mailbox.pathAndQuery(older))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("This link cannot be used", "no longer valid");
		assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(older))).hasStatus(HttpStatus.BAD_REQUEST);
		Subscriber pending = this.subscribers.find(email);
		assertThat(pending.status()).isEqualTo(SubscriberStatus.PENDING);

		assertThat(this.mvc.post().uri(Mailbox.pathAndQuery(newer))).hasStatusOk();
		Subscriber active = this.subscribers.find(email);
		assertThat(active.status()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(active.topics()).containsExactly("information-security");
	}

	@Test
	void theSameRequestAgainShouldKeepTheFirstLinkWorking() {
		String email = Subscribers.newAddress("twice");
		String first = confirmationLink(email, "peacekeeping");
		confirmationLink(email, "peacekeeping");
		assertThat(this.mvc.post().uri(Mailbox.pathAndQuery(first))).hasStatusOk();
		assertThat(this.subscribers.find(email).isActive()).isTrue();
	}

	@Test
	void unsubscribingShouldVoidOlderManageLinksButNotOneClickUnsubscribe() {
		String email = Subscribers.newAddress("forwarded");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, "peacekeeping");
		MimeMessage manageMail = this.subscribers.subscribeAndAwaitEmail(email, Subscribers.MANAGE_SUBJECT,
				"peacekeeping");
		String manage = Mailbox.link(manageMail, MANAGE);
		String unsubscribe = Mailbox.link(manageMail, "https://notify.herald.test/unsubscribe?token=");
		assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(manage))).hasStatusOk().bodyText().contains(email);

		assertThat(oneClick(unsubscribe)).hasStatusOk().bodyText().contains("You are unsubscribed");
		assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(manage))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("no longer valid");
		assertThat(this.mvc.put()
			.uri("/api/v1/subscriptions/me")
			.header("Authorization", "Bearer " + token(manage))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"topics\":[\"information-security\"]}")).hasStatus(HttpStatus.UNAUTHORIZED);

		// Subscribed again: the old manage link stays void, the old unsubscribe link
		// works.
		this.subscribers.subscribeAndConfirm(email, "peacekeeping");
		assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(manage))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.subscribers.find(email).topics()).containsExactly("peacekeeping");
		assertThat(oneClick(unsubscribe)).hasStatusOk();
		assertThat(this.subscribers.find(email).status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(this.subscribers.find(email).id()).isEqualTo(subscriber.id());
	}

	@Test
	void operatorsRevocationShouldVoidEveryManageLinkIssuedBefore() {
		String email = Subscribers.newAddress("leaked");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, "peacekeeping");
		String leaked = Mailbox
			.link(this.subscribers.subscribeAndAwaitEmail(email, Subscribers.MANAGE_SUBJECT, "peacekeeping"), MANAGE);
		assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(leaked))).hasStatusOk();

		assertThat(this.mvc.post().uri("/api/v1/admin/subscribers/{id}/revoke-links", subscriber.id()))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.post()
			.uri("/api/v1/admin/subscribers/{id}/revoke-links", subscriber.id())
			.header("X-Admin-Key", ADMIN_KEY)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.tokenVersion")
			.isEqualTo((int) (subscriber.tokenVersion() + 1));
		assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(leaked))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("no longer valid");
		assertThat(this.subscribers.find(email).isActive()).as("revoking links changes nothing else").isTrue();

		String fresh = Mailbox
			.link(this.subscribers.subscribeAndAwaitEmail(email, Subscribers.MANAGE_SUBJECT, "peacekeeping"), MANAGE);
		assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(fresh))).hasStatusOk();
		assertThat(this.mvc.post()
			.uri("/api/v1/admin/subscribers/{id}/revoke-links", "00000000-0000-4000-8000-000000000000")
			.header("X-Admin-Key", ADMIN_KEY)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void confirmationEmailsShouldBeInTheSubscribersLanguage() {
		String russian = Subscribers.newAddress("confirm-ru");
		MimeMessage inRussian = this.subscribers.subscribeAndAwaitEmail(russian,
				Map.of("language", "ru", "topics", List.of("peacekeeping")), "[Herald] Подтвердите подписку");
		assertThat(Mailbox.part(inRussian, "text/plain")).contains("Подтвердить подписку", "Миротворчество")
			.doesNotContain("Confirm the subscription", "Peacekeeping");
		assertThat(Mailbox.part(inRussian, "text/html")).contains("lang=\"ru\"", "Подтвердить подписку",
				"Миротворчество");

		String english = Subscribers.newAddress("confirm-en");
		MimeMessage inEnglish = this.subscribers.subscribeAndAwaitEmail(english,
				Map.of("language", "en", "topics", List.of("peacekeeping")), Subscribers.CONFIRM_SUBJECT);
		assertThat(Mailbox.part(inEnglish, "text/plain")).contains("Confirm the subscription", "Peacekeeping");
		assertThat(Mailbox.part(inEnglish, "text/html")).contains("lang=\"en\"");
	}

	private String confirmationLink(String email, String topic) {
		return Mailbox.link(this.subscribers.subscribeAndAwaitEmail(email, Subscribers.CONFIRM_SUBJECT, topic),
				CONFIRM);
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult oneClick(String unsubscribe) {
		return this.mvc.post()
			.uri(Mailbox.pathAndQuery(unsubscribe))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click")
			.exchange();
	}

	private static String token(String link) {
		return link.substring(link.indexOf("token=") + 6);
	}

}
