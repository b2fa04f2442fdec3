package dev.herald.e2e;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.herald.localstack.run.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notify instances on one broker, database and relay. A record matching 2,000
 * confirmed subscribers is sent by both, to each subscriber exactly once. A second record
 * to the same subscribers: one instance is killed with SIGKILL during the fan-out, the
 * other takes its claimed emails over once their lease ends, and the only duplicates are
 * the emails the killed instance had sent without yet recording them.
 */
@ExtendWith(HeraldSystemExtension.class)
class NotifyInstancesE2ETests {

	private static final int SUBSCRIBERS = 2000;

	@Test
	void twoInstancesShouldShareAFanOutAndAKilledOneShouldLeaveOnlyItsEmailsInFlightSentTwice(HeraldSystem system) {
		ServiceProcess first = system.notifyService();
		ServiceProcess second = system.secondNotifyService();
		system.restart(second);
		try {
			String run = UUID.randomUUID().toString().substring(0, 8);
			String domain = "crowd-" + run + ".example.org";
			Inbox inbox = new Inbox(system);
			List<String> subscribers = IntStream.range(0, SUBSCRIBERS)
				.mapToObj((number) -> "subscriber" + number + "@" + domain)
				.toList();
			subscribeAndConfirmAll(system, inbox, subscribers, domain);

			// Both instances running: every subscriber once, and both sent a share.
			long firstBefore = Admin.alertsSent(system.notifyUrl());
			long secondBefore = Admin.alertsSent(system.secondNotifyUrl());
			String shared = "Arms trafficking across borders reviewed " + run;
			post(system, shared);
			await().atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> recipients(alerts(inbox, domain, shared)).size() == SUBSCRIBERS);
			awaitNothingWaiting(system.secondNotifyUrl());
			List<JsonNode> sharedAlerts = alerts(inbox, domain, shared);
			long byFirst = Admin.alertsSent(system.notifyUrl()) - firstBefore;
			long bySecond = Admin.alertsSent(system.secondNotifyUrl()) - secondBefore;
			System.out.printf(
					"two notify instances: subscribers %d, alerts received %d, distinct recipients %d,"
							+ " sent by the first %d, by the second %d%n",
					SUBSCRIBERS, sharedAlerts.size(), recipients(sharedAlerts).size(), byFirst, bySecond);
			assertThat(recipients(sharedAlerts)).containsExactlyInAnyOrderElementsOf(subscribers);
			assertThat(sharedAlerts).hasSize(SUBSCRIBERS);
			assertThat(byFirst).as("the first instance's share").isPositive();
			assertThat(bySecond).as("the second instance's share").isPositive();
			assertThat(byFirst + bySecond).isEqualTo(SUBSCRIBERS);

			// One instance killed mid-fan-out: the other finishes it.
			String interrupted = "Arms trafficking in the region reviewed again " + run;
			String interruptedId = post(system, interrupted);
			int receivedBeforeKill = await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> alerts(inbox, domain, interrupted).size(), (count) -> count >= SUBSCRIBERS / 10);
			first.kill();
			int receivedAtKill = alerts(inbox, domain, interrupted).size();
			assertThat(receivedAtKill).as("the kill must land during the fan-out").isLessThan(SUBSCRIBERS);
			await().atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> recipients(alerts(inbox, domain, interrupted)).size() == SUBSCRIBERS);
			awaitNothingWaiting(system.secondNotifyUrl());
			List<JsonNode> afterKill = alerts(inbox, domain, interrupted);
			int duplicates = afterKill.size() - recipients(afterKill).size();
			System.out.printf("notify instance killed mid-fan-out: subscribers %d, received before kill %d, at kill %d,"
					+ " received %d, distinct recipients %d, duplicates %d (bound: %d in flight per instance)%n",
					SUBSCRIBERS, receivedBeforeKill, receivedAtKill, afterKill.size(), recipients(afterKill).size(),
					duplicates, HeraldSystem.IN_FLIGHT_PER_INSTANCE);
			assertThat(recipients(afterKill)).containsExactlyInAnyOrderElementsOf(subscribers);
			assertThat(duplicates).isLessThanOrEqualTo(HeraldSystem.IN_FLIGHT_PER_INSTANCE);
			assertThat(Admin.counts(system.secondNotifyUrl(), interruptedId).get("SENT").asLong())
				.isEqualTo(SUBSCRIBERS);
		}
		finally {
			if (!first.isAlive()) {
				system.restart(first);
			}
			second.stop();
		}
	}

	/**
	 * Posts a record on the crowd's topic.
	 * @return its id
	 */
	private static String post(HeraldSystem system, String title) {
		return StoryE2ETests.postOne(system,
				Map.of("kind", "MEETING", "title", title, "summary", "Experts reviewed cases of trafficking in arms.",
						"occurredOn", "2023-11-22", "organization", "CSTO", "language", "en", "topics",
						List.of("arms-trafficking")));
	}

	private static void awaitNothingWaiting(String notifyUrl) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			JsonNode outbox = Admin.outbox(notifyUrl);
			return outbox.get("due").asLong() == 0;
		});
	}

	private static void subscribeAndConfirmAll(HeraldSystem system, Inbox inbox, List<String> subscribers,
			String domain) {
		for (String email : subscribers) {
			Http.Response response = Http.postJson(system.notifyUrl() + "/api/v1/subscriptions",
					Map.of("email", email, "topics", List.of("arms-trafficking"), "language", "en"));
			assertThat(response.status()).as(response.body()).isEqualTo(202);
		}
		List<JsonNode> confirmations = await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> inbox.matching("@" + domain, "Confirm your subscription"),
					(mail) -> mail.size() >= subscribers.size());
		for (JsonNode confirmation : confirmations) {
			String link = inbox.link(confirmation, system.notifyUrl() + "/subscriptions/confirm?token=");
			assertThat(Http.postForm(link, "").status()).isEqualTo(200);
		}
	}

	private static List<JsonNode> alerts(Inbox inbox, String domain, String title) {
		return inbox.matching("@" + domain, title);
	}

	private static Set<String> recipients(List<JsonNode> mails) {
		Set<String> recipients = new HashSet<>();
		mails.forEach((mail) -> recipients.addAll(Inbox.recipients(mail)));
		return recipients;
	}

}
