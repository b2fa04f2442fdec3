package dev.herald.catalog.record;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search, filters and pagination through the API, over records consumed from Kafka. Each
 * test keeps to its own organization, so tests sharing the servers stay apart.
 */
@CatalogIntegrationTest
class RecordSearchIntegrationTests {

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
	void searchInEnglishShouldMatchWordFormsInAnyCase() {
		String organization = TestRecords.uniqueOrganization();
		ObjectNode meeting = TestRecords.meeting(organization, LocalDate.of(2023, 11, 13),
				"Meeting of the Consultative Coordination Centre", "Experts on computer incidents met in Moscow.");
		ObjectNode meetings = TestRecords.meeting(organization, LocalDate.of(2023, 11, 22),
				"Joint meetings of the councils", "The councils discussed peacekeeping.");
		ObjectNode statement = TestRecords.meeting(organization, LocalDate.of(2021, 5, 19), "Statement on cooperation",
				"The ministers declared their interest in cooperation.");
		publishAndAwait(organization, meeting, meetings, statement);
		assertThat(search(organization, "q=meetings")).containsExactly(id(meetings), id(meeting));
		assertThat(search(organization, "q=MEETING")).containsExactly(id(meetings), id(meeting));
		assertThat(search(organization, "q=Incident+EXPERT")).containsExactly(id(meeting));
		assertThat(search(organization, "q=meeting+cooperation")).isEmpty();
		assertThat(search(organization, "q=cooperating")).containsExactly(id(statement));
		assertThat(search(organization, "q=Moscow")).containsExactly(id(meeting));
	}

	@Test
	void searchInRussianShouldMatchWordFormsInAnyCase() {
		String organization = TestRecords.uniqueOrganization();
		ObjectNode security = TestRecords.meeting(organization, LocalDate.of(2023, 11, 13),
				"Заседание по вопросам информационной безопасности", "Эксперты обсудили компьютерные инциденты.");
		security.put("language", "ru");
		security.putObject("place").put("city", "Москва").put("country", "Россия");
		ObjectNode peace = TestRecords.meeting(organization, LocalDate.of(2023, 11, 22), "Совещание миротворцев",
				"Обсуждалась безопасность региона.");
		peace.put("language", "ru-RU");
		publishAndAwait(organization, security, peace);
		assertThat(search(organization, "q=" + encode("безопасность"))).containsExactly(id(peace), id(security));
		assertThat(search(organization, "q=" + encode("БЕЗОПАСНОСТИ"))).containsExactly(id(peace), id(security));
		assertThat(search(organization, "q=" + encode("информационная безопасность"))).containsExactly(id(security));
		assertThat(search(organization, "q=" + encode("инцидент"))).containsExactly(id(security));
		assertThat(search(organization, "q=" + encode("в Москве"))).containsExactly(id(security));
		assertThat(search(organization, "q=" + encode("миротворцы"))).containsExactly(id(peace));
		assertThat(search(organization, "lang=ru")).containsExactly(id(peace), id(security));
		assertThat(search(organization, "lang=ru-RU")).containsExactly(id(peace));
	}

	@Test
	void searchByDocumentSymbolShouldFindTheRecordCirculatedUnderIt() {
		String organization = TestRecords.uniqueOrganization();
		ObjectNode statement = TestRecords.meeting(organization);
		statement.put("kind", "STATEMENT");
		statement.putArray("documentSymbols").add("A/75/906").add("S/2021/534");
		ObjectNode other = TestRecords.meeting(organization);
		other.putArray("documentSymbols").add("A/75/907");
		publishAndAwait(organization, statement, other);
		assertThat(search(organization, "symbol=A/75/906")).containsExactly(id(statement));
		assertThat(search(organization, "symbol=s/2021/534")).containsExactly(id(statement));
		assertThat(search(organization, "q=A/75/906")).containsExactly(id(statement));
		assertThat(search(organization, "symbol=A/75/*")).containsExactlyInAnyOrder(id(statement), id(other));
		assertThat(search(organization, "symbol=A/75")).isEmpty();
	}

	@Test
	void filtersShouldCombine() {
		String organization = TestRecords.uniqueOrganization();
		ObjectNode cyber = TestRecords.meeting(organization, LocalDate.of(2023, 11, 13), "Cyber meeting", "Cyber.");
		cyber.putArray("topics").add("information-security");
		ObjectNode summit = TestRecords.meeting(organization, LocalDate.of(2023, 11, 23), "Summit", "Heads of state.");
		summit.putArray("topics").add("collective-security").add("information-security");
		ObjectNode statement = TestRecords.meeting(organization, LocalDate.of(2021, 5, 19), "Statement",
				"Cooperation.");
		statement.put("kind", "STATEMENT");
		statement.putArray("topics").add("foreign-policy-cooperation");
		publishAndAwait(organization, cyber, summit, statement);
		assertThat(search(organization, "topic=information-security")).containsExactly(id(summit), id(cyber));
		assertThat(search(organization, "topic=collective-security&topic=foreign-policy-cooperation"))
			.containsExactly(id(summit), id(statement));
		assertThat(search(organization, "kind=STATEMENT")).containsExactly(id(statement));
		assertThat(search(organization, "kind=meeting&from=2023-11-01&to=2023-11-20")).containsExactly(id(cyber));
		assertThat(search(organization, "topic=information-security&from=2023-11-20")).containsExactly(id(summit));
		assertThat(search(organization, "topic=information-security&q=summit&kind=MEETING&to=2023-12-31&lang=en"))
			.containsExactly(id(summit));
		assertThat(search(organization, "topic=peacekeeping")).isEmpty();
		assertThat(search(organization, "to=2022-01-01")).containsExactly(id(statement));
	}

	@Test
	void paginationShouldWalkEveryRecordOnceWhileNewRecordsArrive() {
		String organization = TestRecords.uniqueOrganization();
		List<ObjectNode> events = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			events.add(TestRecords.meeting(organization, LocalDate.of(2023, 1, 1).plusDays(i % 40), "Meeting " + i,
					"Summary " + i));
		}
		kafka.publishAll(events);
		awaitCount(organization, 250);
		Set<String> expected = new HashSet<>(events.stream().map(RecordSearchIntegrationTests::id).toList());
		List<String> walked = new ArrayList<>();
		List<JsonNode> items = new ArrayList<>();
		String next = "/api/v1/records?size=20&organization=" + organization;
		int pages = 0;
		while (next != null) {
			JsonNode page = http().json(next);
			page.get("items").forEach((item) -> {
				walked.add(item.get("id").asString());
				items.add(item);
			});
			next = page.get("next").isNull() ? null : page.get("next").asString();
			if (++pages == 3) {
				List<ObjectNode> arriving = new ArrayList<>();
				for (int i = 0; i < 40; i++) {
					arriving.add(TestRecords.meeting(organization, LocalDate.of(2023, 1, 1).plusDays(i), "New " + i,
							"Arrived while paging."));
				}
				kafka.publishAll(arriving);
				awaitCount(organization, 290);
			}
		}
		assertThat(new HashSet<>(walked)).as("no record twice").hasSameSizeAs(walked);
		assertThat(walked).as("no record skipped").containsAll(expected);
		for (int i = 1; i < items.size(); i++) {
			String previous = items.get(i - 1).get("occurredOn").asString() + items.get(i - 1).get("id").asString();
			String current = items.get(i).get("occurredOn").asString() + items.get(i).get("id").asString();
			assertThat(previous).as("newest first").isGreaterThan(current);
		}
	}

	@Test
	void topicsShouldListTheTaxonomyWithCounts() {
		kafka.awaitConsumed(KafkaTestClient.GROUP, KafkaTestClient.RECORDS);
		int before = count("peacekeeping");
		String organization = TestRecords.uniqueOrganization();
		ObjectNode first = TestRecords.meeting(organization);
		first.putArray("topics").add("peacekeeping");
		ObjectNode second = TestRecords.meeting(organization);
		second.putArray("topics").add("peacekeeping").add("crisis-response");
		publishAndAwait(organization, first, second);
		assertThat(count("peacekeeping")).isEqualTo(before + 2);
		JsonNode topics = http().json("/api/v1/topics");
		assertThat(topics.size()).isGreaterThanOrEqualTo(12);
		topics.forEach((topic) -> {
			assertThat(topic.get("slug").asString()).matches("[a-z0-9]+(-[a-z0-9]+)*");
			assertThat(topic.get("label").asString()).isNotBlank();
			assertThat(topic.get("count").asLong()).isNotNegative();
		});
	}

	@Test
	void badParametersShouldBeAnswered400NamingThem() {
		for (String[] bad : new String[][] { { "topic=unknown-topic", "topic" },
				{ "from=2024-02-01&to=2024-01-01", "from" }, { "from=01.02.2024", "from" }, { "size=0", "size" },
				{ "size=1000", "size" }, { "cursor=" + encode("{\"$gt\":\"\"}"), "cursor" },
				{ "kind=SPEECH", "kind" } }) {
			ResponseEntity<String> response = http().get("/api/v1/records?" + bad[0]);
			assertThat(response.getStatusCode().value()).as(bad[0]).isEqualTo(400);
			assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			assertThat(TestRecords.JSON.readTree(response.getBody()).get("parameter").asString()).isEqualTo(bad[1]);
		}
		assertThat(http().get("/api/v1/records/not-a-record").getStatusCode().value()).isEqualTo(404);
	}

	private int count(String slug) {
		for (JsonNode topic : http().json("/api/v1/topics")) {
			if (topic.get("slug").asString().equals(slug)) {
				return topic.get("count").asInt();
			}
		}
		throw new AssertionError("No topic " + slug);
	}

	private void publishAndAwait(String organization, ObjectNode... events) {
		kafka.publishAll(List.of(events));
		awaitCount(organization, events.length);
	}

	private void awaitCount(String organization, int count) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> total(organization) == count);
	}

	private int total(String organization) {
		int total = 0;
		String next = "/api/v1/records?size=100&organization=" + organization;
		while (next != null) {
			JsonNode page = http().json(next);
			total += page.get("items").size();
			next = page.get("next").isNull() ? null : page.get("next").asString();
		}
		return total;
	}

	private List<String> search(String organization, String query) {
		JsonNode page = http().json("/api/v1/records?organization=" + organization + "&" + query);
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private CatalogHttp http() {
		return new CatalogHttp(this.port);
	}

	private static String id(JsonNode event) {
		return event.get("id").asString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
