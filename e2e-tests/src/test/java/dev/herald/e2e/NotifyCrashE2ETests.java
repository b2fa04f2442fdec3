package dev.herald.e2e;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record matching 500 confirmed subscribers is posted and the notify process is killed
 * with SIGKILL during the fan-out: after the restart every subscriber has the alert, and
 * the only duplicates are emails that were in flight at the moment of the kill.
 */
@ExtendWith(HeraldSystemExtension.class)
class NotifyCrashE2ETests {

	private static final int SUBSCRIBERS = 500;

	@Test
	void notifyKilledDuringFanOutShouldStillAlertEverySubscriberWithDuplicatesOnlyFromEmailsInFlight(
			HeraldSystem system) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String domain = "fanout-" + run + ".example.org";
		Inbox inbox = new Inbox(system);
		List<String> subscribers = IntStream.range(0, SUBSCRIBERS)
			.mapToObj((number) -> "subscriber" + number + "@" + domain)
			.toList();
		subscribeAndConfirmAll(system, inbox, subscribers, domain);

		String title = "Arms trafficking across borders reviewed " + run;
		StoryE2ETests.postOne(system,
				Map.of("kind", "MEETING", "title", title, "summary", "Experts reviewed cases of trafficking in arms.",
						"occurredOn", "2023-11-22", "organization", "CSTO", "language", "en", "topics",
						List.of("arms-trafficking")));

		int receivedBeforeKill = await().atMost(Duration.ofMinutes(2))
			.until(() -> alerts(inbox, domain, title).size(), (count) -> count >= SUBSCRIBERS / 10);
		system.notifyService().kill();
		int receivedAtKill = alerts(inbox, domain, title).size();
		assertThat(receivedAtKill).as("the kill must land during the fan-out").isLessThan(SUBSCRIBERS);
		system.restart(system.notifyService());

		List<JsonNode> alerts = await().atMost(Duration.ofMinutes(4))
			.until(() -> alerts(inbox, domain, title), (all) -> recipients(all).size() == SUBSCRIBERS);
		int inFlight = HeraldSystem.DELIVERY_BATCH_SIZE * HeraldSystem.DELIVERY_CONCURRENCY;
		int duplicates = alerts.size() - recipients(alerts).size();
		System.out.printf(
				"notify crash: subscribers %d, alerts expected %d, received before kill %d, at kill %d, received %d,"
						+ " distinct recipients %d, duplicates %d (bound: %d in flight)%n",
				SUBSCRIBERS, SUBSCRIBERS, receivedBeforeKill, receivedAtKill, alerts.size(), recipients(alerts).size(),
				duplicates, inFlight);
		assertThat(recipients(alerts)).containsExactlyInAnyOrderElementsOf(subscribers);
		assertThat(duplicates).isLessThanOrEqualTo(inFlight);
	}

	private static void subscribeAndConfirmAll(HeraldSystem system, Inbox inbox, List<String> subscribers,
			String domain) {
		for (String email : subscribers) {
			Http.Response response = Http.postJson(system.notifyUrl() + "/api/v1/subscriptions",
					Map.of("email", email, "topics", List.of("arms-trafficking"), "language", "en"));
			assertThat(response.status()).as(response.body()).isEqualTo(202);
		}
		List<JsonNode> confirmations = await().atMost(Duration.ofMinutes(3))
			.until(() -> toDomain(inbox, domain), (mail) -> mail.size() >= subscribers.size());
		for (JsonNode confirmation : confirmations) {
			String link = Inbox.link(confirmation, system.notifyUrl() + "/subscriptions/confirm?token=");
			assertThat(Http.get(link).status()).isEqualTo(200);
		}
	}

	private static List<JsonNode> toDomain(Inbox inbox, String domain) {
		return inbox.matching("@" + domain);
	}

	private static List<JsonNode> alerts(Inbox inbox, String domain, String title) {
		return toDomain(inbox, domain).stream()
			.filter((mail) -> mail.get("subject").asString().endsWith(title))
			.toList();
	}

	private static Set<String> recipients(List<JsonNode> mails) {
		Set<String> recipients = new HashSet<>();
		mails.forEach((mail) -> recipients.addAll(Inbox.recipients(mail)));
		return recipients;
	}

}
