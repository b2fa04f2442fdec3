package dev.herald.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.subscription.Subscriber;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Saved searches end to end, on the real broker, MongoDB-protocol server and SMTP server:
 * a record published on Kafka reaches the subscribers whose searches it matches (word
 * forms, phrases, NOT, a document-symbol prefix), the alert says which search matched, a
 * record matching a topic and a search is sent once, and a search that is not a search is
 * refused with nothing stored.
 */
@NotifyIntegrationTest
class SavedSearchIntegrationTests extends NotifyScenarioSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private DeliveryLedger ledger;

	@Test
	void russianWordFormsShouldMatchAndTheAlertShouldSayWhichSearch() {
		String word = uniqueWord();
		String query = "\"информационная безопасность\" " + word;
		String email = Subscribers.newAddress("search-ru");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email,
				Map.of("searches", List.of(Map.of("query", query))));
		assertThat(subscriber.topics()).isEmpty();
		TestRecords record = TestRecords.meeting(ownTopic())
			.with("title", "Об обеспечении информационной безопасности: " + word)
			.with("language", "ru");
		this.records.publish(record);

		MimeMessage alert = awaitOne(email, record);
		assertThat(Mailbox.part(alert, "text/plain")).contains("matches your saved search “" + query + "”");
		assertThat(Mailbox.part(alert, "text/html"))
			.contains("matches your saved search “" + query.replace("\"", "&quot;") + "”");
		assertThat(this.ledger.findById(Delivery.idOf(record.id(), subscriber.id())).search()).isEqualTo(query);
	}

	@Test
	void recordMatchingATopicAndASearchShouldBeSentOnce() {
		String word = uniqueWord();
		String topic = ownTopic();
		String email = Subscribers.newAddress("search-and-topic");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email,
				Map.of("searches", List.of(Map.of("query", word))), topic);
		TestRecords both = TestRecords.meeting(topic).with("title", "Meeting on " + word);
		TestRecords searchOnly = TestRecords.meeting(ownTopic()).with("summary", "The " + word + " was discussed.");
		this.records.awaitConsumed(this.records.publish(both), this.records.publish(searchOnly));

		awaitOne(email, both);
		MimeMessage bySearch = awaitOne(email, searchOnly);
		assertThat(Mailbox.part(bySearch, "text/plain")).contains("matches your saved search");
		assertThat(this.ledger.findById(Delivery.idOf(both.id(), subscriber.id())).search()).as("matched for its topic")
			.isNull();
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.mailbox.to(email, both.title()).size() == 1);
	}

	@Test
	void notAndSymbolPrefixShouldLimitWhatASearchMatches() {
		String word = uniqueWord();
		String email = Subscribers.newAddress("search-filters");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, Map.of("searches",
				List.of(Map.of("query", word + " NOT draft", "kind", "MEETING", "symbol", "A/75/*"))));
		TestRecords wanted = TestRecords.meeting(ownTopic())
			.with("title", "Report " + word)
			.with("documentSymbols", List.of("A/75/906"));
		TestRecords draft = TestRecords.meeting(ownTopic())
			.with("title", "Draft report " + word)
			.with("documentSymbols", List.of("A/75/907"));
		TestRecords otherSession = TestRecords.meeting(ownTopic())
			.with("title", "Report " + word + " of the next session")
			.with("documentSymbols", List.of("A/76/12"));
		this.records.awaitConsumed(this.records.publish(wanted), this.records.publish(draft),
				this.records.publish(otherSession));

		awaitOne(email, wanted);
		assertThat(this.ledger.findById(Delivery.idOf(draft.id(), subscriber.id()))).isNull();
		assertThat(this.ledger.findById(Delivery.idOf(otherSession.id(), subscriber.id()))).isNull();
		assertThat(this.mailbox.to(email)).hasSize(2);
	}

	@Test
	void hostileSearchesShouldBeRefusedNamingTheSearchAndStoreNothing() {
		String email = Subscribers.newAddress("search-hostile");
		for (Object hostile : List.of("\"unbalanced", "word ".repeat(1000), "/.*(a|b)+$/", "peace\u0000war",
				"peace\r\nBcc: x@example.org", "NOT peace", List.of("not", "text"))) {
			String body = JSON.writeValueAsString(Map.of("email", email, "language", "en", "searches",
					List.of(Map.of("query", "peacekeeping"), Map.of("query", hostile))));
			assertThat(this.subscribers.subscribeJson(body, Subscribers.newClient())).as(String.valueOf(hostile))
				.hasStatus(HttpStatus.BAD_REQUEST)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("$.errors[*].field")
				.asArray()
				.anySatisfy((field) -> assertThat(String.valueOf(field)).startsWith("searches[1]"));
		}
		String eleven = JSON.writeValueAsString(
				Map.of("email", email, "searches", java.util.Collections.nCopies(11, Map.of("query", "peacekeeping"))));
		assertThat(this.subscribers.subscribeJson(eleven, Subscribers.newClient())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("searches");
		assertThat(this.subscribers.find(email)).isNull();
		assertThat(this.mailbox.to(email)).isEmpty();
	}

	private MimeMessage awaitOne(String email, TestRecords record) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, record.title()).size() == 1);
		return this.mailbox.to(email, record.title()).get(0);
	}

	/** A word no other test's record carries: letters only, so it stays one word. */
	private static String uniqueWord() {
		StringBuilder word = new StringBuilder("zq");
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
			word.append((char) (Character.isDigit(c) ? 'g' + (c - '0') : c));
		}
		return word.toString();
	}

	private static String ownTopic() {
		return "search-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
