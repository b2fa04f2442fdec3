package dev.herald.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker is stopped for 20 s while records keep arriving: posts in that window
 * get 503, and after the restart no accepted record is missing from the catalog or from a
 * subscriber's alerts, and none is duplicated.
 */
@ExtendWith(HeraldSystemExtension.class)
class BrokerRestartE2ETests {

	private static final Duration OUTAGE = Duration.ofSeconds(20);

	@Test
	void brokerStoppedWhilePostsContinueShouldRefuseWith503AndLoseNothingAccepted(HeraldSystem system) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String organization = "Outage check " + run;
		String email = "outage-" + run + "@example.org";
		Inbox inbox = new Inbox(system);
		Catalog catalog = new Catalog(system);
		subscribe(system, inbox, email);

		try (Poster poster = new Poster(system, 200, Duration.ofMillis(100),
				(number) -> record(organization, number))) {
			await().atMost(Duration.ofMinutes(1)).until(() -> poster.accepted().size() >= 40);
			system.kafka().stop();
			Instant stopped = Instant.now();
			await().atMost(Duration.ofMinutes(2))
				.until(() -> Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0 && poster.count(503) > 0);
			system.restart(system.kafka());
			await().atMost(Duration.ofMinutes(3)).until(poster::finished);

			List<String> accepted = poster.accepted();
			List<String> stored = await().atMost(Duration.ofMinutes(3))
				.until(() -> catalog.ids("organization=" + Catalog.encode(organization)),
						(ids) -> ids.size() >= accepted.size());
			List<JsonNode> alerts = await().atMost(Duration.ofMinutes(3))
				.until(() -> inbox.to(email).stream().filter((mail) -> subject(mail).contains(organization)).toList(),
						(mails) -> mails.size() >= accepted.size());
			System.out.printf(
					"broker restart: posted %d, answers by status %s, accepted %d, stored %d (distinct %d),"
							+ " alerts %d (distinct %d)%n",
					poster.posted(), poster.statuses(), accepted.size(), stored.size(), new HashSet<>(stored).size(),
					alerts.size(), alerts.stream().map(BrokerRestartE2ETests::subject).distinct().count());
			assertThat(poster.count(503)).as("posts refused while the broker was down").isPositive();
			assertThat(poster.count(202) + poster.count(503)).as("every answer is 202 or 503")
				.isEqualTo(poster.posted());
			assertThat(stored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);
			assertThat(alerts.stream().map(BrokerRestartE2ETests::subject)).doesNotHaveDuplicates()
				.hasSize(accepted.size());
		}
	}

	private static Map<String, Object> record(String organization, int number) {
		return Map.of("kind", "MEETING", "title", "Crisis response drill " + number + " of " + organization, "summary",
				"The crisis response centre held drill number " + number + ".", "occurredOn", "2023-11-20",
				"organization", organization, "language", "en", "topics", List.of("crisis-response"));
	}

	private static String subject(JsonNode mail) {
		return Inbox.subject(mail);
	}

	private static void subscribe(HeraldSystem system, Inbox inbox, String email) {
		Http.Response response = Http.postJson(system.notifyUrl() + "/api/v1/subscriptions",
				Map.of("email", email, "topics", List.of("crisis-response"), "language", "en"));
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		JsonNode confirmation = await().atMost(Duration.ofMinutes(1))
			.until(() -> inbox.to(email), (m) -> !m.isEmpty())
			.get(0);
		assertThat(Http.postForm(inbox.link(confirmation, system.notifyUrl() + "/subscriptions/confirm?token="), "")
			.status()).isEqualTo(200);
	}

}
