package dev.herald.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The story as users meet it: an operator posts records, a subscriber subscribes through
 * the page and confirms from the email, gets exactly one alert for a matching record
 * whose link opens the record page, finds the record by search and by feed, and leaves
 * with one click.
 */
@ExtendWith(HeraldSystemExtension.class)
class StoryE2ETests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@Test
	void operatorPostsSubscriberConfirmsAndGetsExactlyOneAlertUntilUnsubscribing(HeraldSystem system) {
		Inbox inbox = new Inbox(system);
		Catalog catalog = new Catalog(system);
		String run = UUID.randomUUID().toString().substring(0, 8);

		List<String> posted = postEveryExample(system);
		await().atMost(PATIENCE)
			.untilAsserted(() -> posted.forEach(
					(id) -> assertThat(catalog.record(id).status()).as("record %s in the catalog", id).isEqualTo(200)));

		String email = "reader-" + run + "@example.org";
		String control = "control-" + run + "@example.org";
		subscribeAndConfirm(system, inbox, email, "topics=peacekeeping&topics=information-security");
		subscribeAndConfirm(system, inbox, control, "topics=peacekeeping");

		String title = "Ministers review peacekeeping readiness " + run;
		String recordId = postOne(system, Records.aboutPeacekeeping("CSTO", title));
		JsonNode alert = await().atMost(PATIENCE)
			.until(() -> alertsTo(inbox, email), (alerts) -> !alerts.isEmpty())
			.get(0);
		assertThat(Inbox.subject(alert)).isEqualTo("[Herald] Statement: " + title);
		String recordPage = inbox.link(alert, system.catalogUrl() + "/records/");
		assertThat(recordPage).isEqualTo(system.catalogUrl() + "/records/" + recordId);
		Http.Response page = Http.get(recordPage);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(title);

		assertThat(catalog.ids("q=" + Catalog.encode("peacekeeping readiness " + run))).containsExactly(recordId);
		Http.Response feed = Http.get(system.catalogUrl() + "/feeds/records.atom?topic=peacekeeping");
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.body()).contains(title).contains(recordId);

		String unsubscribe = inbox.header(alert, "List-Unsubscribe").replaceAll("^<([^>]+)>.*$", "$1");
		assertThat(Http.postForm(unsubscribe, "List-Unsubscribe=One-Click").status()).isEqualTo(200);

		String laterTitle = "Peacekeeping follow-up " + run;
		String later = postOne(system, Records.aboutPeacekeeping("CSTO", laterTitle));
		// The control subscriber's alert proves notify has matched the later record.
		await().atMost(PATIENCE)
			.until(() -> alertsTo(inbox, control).stream()
				.anyMatch((mail) -> Inbox.subject(mail).endsWith(laterTitle)));
		awaitSettled(system, later);
		assertThat(alertsTo(inbox, email)).as("alerts to the reader, who unsubscribed before the later record")
			.hasSize(1);
		assertThat(alertsTo(inbox, control)).as("alerts to the control subscriber").hasSize(2);
	}

	static void subscribeAndConfirm(HeraldSystem system, Inbox inbox, String email, String topics) {
		Http.Response subscribed = Http.postForm(system.notifyUrl() + "/subscribe",
				"email=" + Catalog.encode(email) + "&" + topics + "&language=en");
		assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(202);
		JsonNode confirmation = await().atMost(PATIENCE)
			.until(() -> inbox.to(email), (mail) -> mail.size() == 1)
			.get(0);
		String confirm = inbox.link(confirmation, system.notifyUrl() + "/subscriptions/confirm?token=");
		// The link opens a page whose button confirms: following it (as mail scanners do)
		// confirms nothing.
		Http.Response page = Http.get(confirm);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("Confirm your subscription", "<form method=\"post\"");
		Http.Response confirmed = Http.postForm(confirm, "");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Your subscription is confirmed");
	}

	private static List<JsonNode> alertsTo(Inbox inbox, String email) {
		return inbox.to(email)
			.stream()
			.filter((mail) -> Inbox.subject(mail).startsWith("[Herald] Statement:")
					|| Inbox.subject(mail).startsWith("[Herald] Meeting:"))
			.toList();
	}

	/**
	 * Waits until notify has matched a record and no delivery of it is still to be sent.
	 */
	private static void awaitSettled(HeraldSystem system, String recordId) {
		await().atMost(PATIENCE).until(() -> {
			Http.Response response = Admin.deliveries(system, recordId);
			return response.status() == 200 && response.json().get("totalElements").asLong() > 0
					&& Admin.unsettled(response.json()) == 0;
		});
	}

	private static List<String> postEveryExample(HeraldSystem system) {
		List<ObjectNode> examples = Records.examples(system.projectRoot());
		assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
		List<String> ids = new ArrayList<>();
		int half = examples.size() / 2;
		for (ObjectNode example : examples.subList(0, half)) {
			ids.add(postOne(system, example));
		}
		Http.Response batch = Http.postAsOperator(system.ingestUrl() + "/api/v1/records/batch",
				examples.subList(half, examples.size()));
		assertThat(batch.status()).as(batch.body()).isEqualTo(200);
		for (JsonNode item : batch.json().get("items")) {
			assertThat(item.get("status").asString()).as(item.toString()).isEqualTo("accepted");
			ids.add(item.get("id").asString());
		}
		return ids;
	}

	static String postOne(HeraldSystem system, Object record) {
		Http.Response response = Http.postAsOperator(system.ingestUrl() + "/api/v1/records", record);
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		return response.json().get("id").asString();
	}

}
