package dev.herald.catalog.feed;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.herald.catalog.CatalogHttp;
import dev.herald.catalog.CatalogIntegrationTest;
import dev.herald.catalog.KafkaTestClient;
import dev.herald.catalog.TestRecords;
import dev.herald.localstack.test.HeraldInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Atom feed over records consumed from Kafka.
 */
@CatalogIntegrationTest
class FeedIntegrationTests {

	private static KafkaTestClient kafka;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void connect() {
		kafka = new KafkaTestClient(HeraldInfrastructure.get());
	}

	@AfterAll
	static void disconnect() {
		kafka.close();
	}

	@Test
	void feedShouldParseAsAtomAndListWhatTheApiListsForTheSameFilters() throws Exception {
		String organization = TestRecords.uniqueOrganization();
		List<ObjectNode> events = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ObjectNode event = TestRecords.meeting(organization, LocalDate.of(2023, 11, 10 + i), "Meeting " + i,
					"Summary of meeting " + i);
			event.putArray("topics").add((i % 2 == 0) ? "peacekeeping" : "information-security");
			events.add(event);
		}
		kafka.publishAll(events);
		String filters = "organization=" + organization + "&topic=peacekeeping";
		await().atMost(Duration.ofSeconds(60))
			.until(() -> http().json("/api/v1/records?" + filters).get("items").size() == 3);
		ResponseEntity<String> response = http().get("/feeds/records.atom?" + filters);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(response.getBody()));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		List<String> apiIds = new ArrayList<>();
		for (JsonNode item : http().json("/api/v1/records?" + filters).get("items")) {
			apiIds.add("urn:uuid:" + item.get("id").asString());
		}
		assertThat(feed.getEntries()).extracting(Entry::getId).containsExactlyElementsOf(apiIds);
		Entry newest = feed.getEntries().get(0);
		assertThat(newest.getTitle()).isEqualTo("Meeting 4");
		assertThat(newest.getSummary().getValue()).isEqualTo("Summary of meeting 4");
		assertThat(newest.getUpdated()).isNotNull();
		assertThat(newest.getAlternateLinks().get(0).getHref())
			.isEqualTo(CatalogHttp.PUBLIC_BASE_URL + "/records/" + events.get(4).get("id").asString());
	}

	@Test
	void feedShouldAnswer304WhileNothingChangedAndTheNewFeedAfterwards() {
		String organization = TestRecords.uniqueOrganization();
		kafka.publish(TestRecords.meeting(organization));
		String url = "/feeds/records.atom?organization=" + organization;
		await().atMost(Duration.ofSeconds(60)).until(() -> http().get(url).getBody().contains("<entry>"));
		ResponseEntity<String> first = http().get(url);
		String etag = first.getHeaders().getETag();
		assertThat(etag).isNotBlank();
		ResponseEntity<String> unchanged = http().get(url, (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, etag));
		assertThat(unchanged.getStatusCode().value()).isEqualTo(304);
		assertThat(unchanged.getBody()).isNull();
		kafka.publish(TestRecords.meeting(organization));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			ResponseEntity<String> changed = http().get(url, (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, etag));
			assertThat(changed.getStatusCode().value()).isEqualTo(200);
			assertThat(changed.getHeaders().getETag()).isNotEqualTo(etag);
		});
	}

	@Test
	void feedWhenFilterIsWrongShouldAnswer400Problem() {
		ResponseEntity<String> response = http().get("/feeds/records.atom?topic=no-such-topic");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(TestRecords.JSON.readTree(response.getBody()).get("parameter").asString()).isEqualTo("topic");
	}

	private CatalogHttp http() {
		return new CatalogHttp(this.port);
	}

}
