package dev.herald.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in a real browser against the running services, on the real
 * broker: no console page or action without a session (none, a forged one, or no CSRF
 * token), sign-in with the admin key and its cookie, a failed delivery sent again, a
 * subscriber found and suppressed then reactivated, dead letters read and re-driven one
 * and all, the audit list, the pages in Russian, and sign-out.
 */
@ExtendWith({ HeraldSystemExtension.class, BrowserExtension.class })
class OperatorConsoleBrowserTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final String DEAD_LETTERS = "herald.records.v1.notify-service.dlt";

	private static final String CATALOG_DEAD_LETTERS = "herald.records.v1.catalog-service.dlt";

	private static final String SOME_ID = "6a1d2f4e-5c7b-4e8a-9f0d-1b2c3d4e5f60";

	private static final List<String> PAGES = List.of("/console", "/console/subscribers",
			"/console/subscribers/" + SOME_ID, "/console/records/" + SOME_ID, "/console/dead-letters");

	private static final List<String> ACTIONS = List.of("/console/dead-letters/redrive",
			"/console/dead-letters/0/0/redrive", "/console/subscribers/" + SOME_ID + "/suppress",
			"/console/subscribers/" + SOME_ID + "/reactivate", "/console/records/" + SOME_ID + "/resend");

	@Test
	void everyConsoleUrlNeedsASignedInSession(HeraldSystem system) {
		for (String page : PAGES) {
			for (String cookie : List.of("", "HERALD_CONSOLE=" + UUID.randomUUID().toString().replace("-", ""))) {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.notifyUrl() + page)).GET();
				if (!cookie.isEmpty()) {
					request.header("Cookie", cookie);
				}
				Http.Response response = Http.send(request);
				assertThat(response.status()).as("%s with %s", page, cookie).isEqualTo(302);
				assertThat(response.header("Location")).as(page).endsWith("/console/sign-in");
			}
		}
		for (String action : ACTIONS) {
			Http.Response response = Http.send(HttpRequest.newBuilder(URI.create(system.notifyUrl() + action))
				.header("Cookie", "HERALD_CONSOLE=forged")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=forged")));
			assertThat(response.status()).as(action).isEqualTo(403);
		}
	}

	@Test
	void anOperatorResendsSuppressesRedrivesAndSeesItAllInTheAuditList(HeraldSystem system, Browser browser) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String operator = "Operator " + run;
		Inbox inbox = new Inbox(system);
		String email = "console-" + run + "@example.org";
		StoryE2ETests.subscribeAndConfirm(system, inbox, email, "topics=peacekeeping&topics=information-security");
		String title = "Console check " + run;
		String recordId = StoryE2ETests.postOne(system, Records.aboutPeacekeeping("CSTO", title));
		await().atMost(PATIENCE).until(() -> inbox.matching(email, title).size() == 1);
		String subscriberId = markDeliveryFailed(system, recordId, email);

		browser.open(system.notifyUrl() + "/console?locale=en");
		assertThat(browser.url()).endsWith("/console/sign-in");
		browser.type(By.id("operator"), operator)
			.type(By.id("key"), "not the key")
			.clickToPage(By.cssSelector("main form button"));
		assertThat(browser.visibleText()).contains("That name or admin key was not accepted.");
		browser.type(By.id("operator"), operator)
			.type(By.id("key"), Admin.ADMIN_KEY)
			.clickToPage(By.cssSelector("main form button"));
		assertThat(browser.visibleText()).contains("Signed in as " + operator);
		Cookie session = browser.driver().manage().getCookieNamed("HERALD_CONSOLE");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Strict");
		assertThat(session.getPath()).isEqualTo("/console");

		browser.clickToPage(By.linkText(title));
		assertThat(browser.visibleText()).contains("Failed: 1");
		browser.clickToPage(By.linkText("Failed: 1"));
		assertThat(browser.find(By.id("deliveries")).getText()).contains(email).contains("550 5.1.1");
		browser.clickToPage(By.xpath("//button[text()='Send the failed deliveries again']"));
		assertThat(browser.visibleText()).contains("One failed delivery is scheduled again.");
		await().atMost(PATIENCE).until(() -> inbox.matching(email, title).size() == 2);

		browser.clickToPage(By.linkText("Subscribers"));
		browser.type(By.id("email"), email.toUpperCase()).clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(email);
		assertThat(browser.url()).endsWith("/console/subscribers/" + subscriberId);
		browser.clickToPage(By.xpath("//button[text()='Suppress: send nothing more']"));
		assertThat(browser.find(By.id("status")).getText()).isEqualTo("Suppressed");
		browser.clickToPage(By.xpath("//button[text()='Reactivate']"));
		assertThat(browser.find(By.id("status")).getText()).isEqualTo("Active");

		String refusedKey = "console-poison-" + run;
		String redrivenId = UUID.randomUUID().toString();
		String redrivenTitle = "Re-driven from the console " + run;
		String laterId = UUID.randomUUID().toString();
		String laterTitle = "Re-driven with the rest " + run;
		RecordMetadata one;
		try (KafkaProducer<String, byte[]> producer = system.kafkaProducer()) {
			producer.send(new ProducerRecord<>("herald.records.v1", refusedKey,
					("{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"MEETING\"}").getBytes(StandardCharsets.UTF_8)));
			// As an earlier version, which refused these valid records, left them.
			one = producer
				.send(new ProducerRecord<>(DEAD_LETTERS, redrivenId,
						Records.event(system.projectRoot(), redrivenId, redrivenTitle)))
				.get();
			producer
				.send(new ProducerRecord<>(DEAD_LETTERS, laterId,
						Records.event(system.projectRoot(), laterId, laterTitle)))
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		browser.clickToPage(By.linkText("Dead letters"));
		await().atMost(PATIENCE).until(() -> {
			browser.open(system.notifyUrl() + "/console/dead-letters");
			return browser.visibleText().contains(refusedKey);
		});
		assertThat(browser.visibleText()).contains("Message " + one.partition() + "@" + one.offset());
		browser.clickToPage(
				By.xpath("//section[.//h2[text()='Message " + one.partition() + "@" + one.offset() + "']]//button"));
		assertThat(browser.find(By.id("redrive-result")).getText()).contains("1 read, 1 matched");
		await().atMost(PATIENCE).until(() -> inbox.matching(email, redrivenTitle).size() == 1);
		assertThat(inbox.matching(email, laterTitle)).isEmpty();
		browser.clickToPage(By.xpath("//button[text()='Re-drive every message not re-driven yet']"));
		assertThat(browser.find(By.id("redrive-result")).getText()).startsWith("Re-drive:");
		await().atMost(PATIENCE).until(() -> inbox.matching(email, laterTitle).size() == 1);
		assertThat(inbox.matching(email, redrivenTitle)).as("matched once, re-driven twice").hasSize(1);

		// The catalog's dead letters: published back to the records topic, the catalog
		// stores the record.
		String catalogId = UUID.randomUUID().toString();
		String catalogTitle = "Refused by an earlier catalog " + run;
		RecordMetadata refusedByTheCatalog;
		try (KafkaProducer<String, byte[]> producer = system.kafkaProducer()) {
			refusedByTheCatalog = producer
				.send(new ProducerRecord<>(CATALOG_DEAD_LETTERS, catalogId,
						Records.event(system.projectRoot(), catalogId, catalogTitle)))
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		Catalog catalog = new Catalog(system);
		assertThat(catalog.record(catalogId).status()).isEqualTo(404);
		browser.clickToPage(By.partialLinkText(CATALOG_DEAD_LETTERS));
		browser.clickToPage(By.xpath("//section[.//h2[text()='Message " + refusedByTheCatalog.partition() + "@"
				+ refusedByTheCatalog.offset() + "']]//button"));
		assertThat(browser.find(By.id("redrive-result")).getText()).contains("1 published again");
		await().atMost(PATIENCE).until(() -> catalog.record(catalogId).status() == 200);
		await().atMost(PATIENCE).until(() -> inbox.matching(email, catalogTitle).size() == 1);

		browser.clickToPage(By.linkText("Overview"));
		String audit = browser.find(By.id("audit-list")).getText();
		assertThat(audit).contains(operator)
			.contains("sign-in")
			.contains("resend-failed")
			.contains("suppress")
			.contains("reactivate")
			.contains("redrive-one")
			.contains("redrive-all")
			.contains("refused: Not the admin key");

		browser.clickToPage(By.linkText("Русский"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Консоль оператора");
		browser.clickToPage(By.linkText("Подписчики"));
		browser.clickToPage(By.linkText("Отвергнутые сообщения"));
		browser.open(system.notifyUrl() + "/console/subscribers/" + subscriberId);
		browser.open(system.notifyUrl() + "/console/records/" + recordId);
		browser.clickToPage(By.xpath("//button[text()='Выйти']"));
		assertThat(browser.visibleText()).contains("Вы вышли из консоли.");
		browser.open(system.notifyUrl() + "/console?locale=en");
		assertThat(browser.url()).endsWith("/console/sign-in");
	}

	/**
	 * Marks the record's delivery to an address failed for good, as a recipient's server
	 * refusing it would have left it, once notify has recorded it sent.
	 * @return the subscriber of that address
	 */
	private static String markDeliveryFailed(HeraldSystem system, String recordId, String email) {
		try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
			var database = mongo.getDatabase("notify");
			String subscriberId = database.getCollection("subscribers")
				.find(Filters.eq("emailKey", email.toLowerCase(java.util.Locale.ROOT)))
				.first()
				.get("_id")
				.toString();
			var deliveries = database.getCollection("deliveries");
			var sent = await().atMost(PATIENCE)
				.until(() -> deliveries.find(Filters.and(Filters.eq("recordId", recordId),
						Filters.eq("subscriberId", subscriberId), Filters.eq("status", "SENT")))
					.first(), (entry) -> entry != null);
			deliveries.updateOne(Filters.eq("_id", sent.get("_id")),
					Updates.combine(Updates.set("status", "FAILED"),
							Updates.set("lastError", "550 5.1.1 mailbox unavailable"),
							Updates.set("updatedAt", java.util.Date.from(Instant.now()))));
			return subscriberId;
		}
	}

}
