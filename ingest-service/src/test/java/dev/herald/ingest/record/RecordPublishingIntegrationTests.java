package dev.herald.ingest.record;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.herald.ingest.IngestHttp;
import dev.herald.ingest.RecordsTopic;
import dev.herald.localstack.test.EnableHeraldInfrastructure;
import dev.herald.localstack.test.HeraldInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.herald.ingest.record.TestRecords.json;
import static dev.herald.ingest.record.TestRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Publishing on a real Kafka broker: what reaches the topic, with which key, value and
 * headers; batches; idempotency keys; and a broker outage.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableHeraldInfrastructure
class RecordPublishingIntegrationTests {

	private static final String RECORDS = "/api/v1/records";

	private static final String BATCH = "/api/v1/records/batch";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HeraldInfrastructure infrastructure = HeraldInfrastructure.get();

	@LocalServerPort
	private int port;

	private IngestHttp http;

	@BeforeEach
	void client() {
		this.http = new IngestHttp(this.port);
	}

	@Test
	void postShouldBeReadBackWithTheRecordIdAsKeyTheEventAsValueAndCloudEventsHeaders() {
		String title = "Computer incidents " + UUID.randomUUID();
		HttpResponse<String> response = this.http.post(RECORDS, "application/json", json(record(title)), "traceparent",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode accepted = mapper.readTree(response.body());
		String id = accepted.get("id").stringValue();
		assertThat(response.headers().firstValue("Location")).contains("http://localhost:8082/api/v1/records/" + id);
		ConsumerRecord<String, String> message = single(messagesWithKey(id));
		JsonNode value = mapper.readTree(message.value());
		assertThat(value.get("id").stringValue()).isEqualTo(id);
		assertThat(value.get("title").stringValue()).isEqualTo(title);
		assertThat(value.get("kind").stringValue()).isEqualTo("MEETING");
		assertThat(value.get("publishedBy").stringValue()).isEqualTo("dev-operator");
		assertThat(value.get("publishedAt").stringValue()).isEqualTo(accepted.get("publishedAt").stringValue());
		assertThat(value.get("topics").valueStream().map(JsonNode::stringValue)).containsExactly("information-security",
				"united-nations");
		assertThat(value.get("place").get("city").stringValue()).isEqualTo("Moscow");
		assertThat(value.has("externalId")).isFalse();
		assertThat(RecordsTopic.header(message, "ce_id")).isEqualTo(id);
		assertThat(RecordsTopic.header(message, "ce_type")).isEqualTo("dev.herald.record.published.v1");
		assertThat(RecordsTopic.header(message, "ce_source")).isEqualTo("/herald/ingest-service");
		assertThat(RecordsTopic.header(message, "ce_specversion")).isEqualTo("1.0");
		assertThat(RecordsTopic.header(message, "ce_time")).isEqualTo(value.get("publishedAt").stringValue());
		assertThat(RecordsTopic.header(message, "content-type")).isEqualTo("application/json");
		assertThat(RecordsTopic.header(message, "traceparent"))
			.matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01");
	}

	@Test
	void batchWithThreeBadItemsAmongTwentyShouldPublishExactlyTheSeventeen() {
		String marker = "Batch " + UUID.randomUUID();
		List<Object> items = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			Map<String, Object> item = record(marker + " #" + i);
			switch (i) {
				case 4 -> item.remove("title");
				case 11 -> item.put("occurredOn", "2023-13-01");
				case 17 -> item.put("id", UUID.randomUUID().toString());
				default -> {
				}
			}
			items.add(item);
		}
		HttpResponse<String> response = this.http.post(BATCH, "application/json", json(items));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = mapper.readTree(response.body());
		assertThat(result.get("accepted").intValue()).isEqualTo(17);
		assertThat(result.get("rejected").intValue()).isEqualTo(3);
		List<String> statuses = result.get("items")
			.valueStream()
			.map((item) -> item.get("status").stringValue())
			.toList();
		assertThat(statuses).hasSize(20);
		assertThat(List.of(4, 11, 17)).allSatisfy((i) -> assertThat(statuses.get(i)).isEqualTo("rejected"));
		Set<String> acceptedIds = result.get("items")
			.valueStream()
			.filter((item) -> item.has("id"))
			.map((item) -> item.get("id").stringValue())
			.collect(Collectors.toSet());
		List<ConsumerRecord<String, String>> published = messagesWithTitleStarting(marker);
		assertThat(published).hasSize(17);
		assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(acceptedIds);
	}

	@Test
	void batchShouldCarryTheTraceContextOfOneSendSpanInTheCallersTrace() {
		String marker = "Traced " + UUID.randomUUID();
		List<Object> items = List.of(record(marker + " #1"), record(marker + " #2"), record(marker + " #3"));
		HttpResponse<String> response = this.http.post(BATCH, "application/json", json(items), "traceparent",
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		assertThat(response.statusCode()).isEqualTo(200);
		List<ConsumerRecord<String, String>> published = messagesWithTitleStarting(marker);
		assertThat(published).hasSize(3);
		Set<String> traceParents = published.stream()
			.map((message) -> RecordsTopic.header(message, "traceparent"))
			.collect(Collectors.toSet());
		// One span sent the three records: a span per record would give each its own id.
		assertThat(traceParents).singleElement()
			.asString()
			.matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01")
			.doesNotContain("b7ad6b7169203331");
	}

	@Test
	void ndjsonBatchShouldPublishEachValidLine() {
		String marker = "NDJSON " + UUID.randomUUID();
		String body = TestRecords.ndjson(List.of(record(marker + " #1"), record(marker + " #2"))) + "{oops}\n";
		HttpResponse<String> response = this.http.post(BATCH, "application/x-ndjson", body);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(mapper.readTree(response.body()).get("accepted").intValue()).isEqualTo(2);
		assertThat(messagesWithTitleStarting(marker)).hasSize(2);
	}

	@Test
	void repeatedIdempotencyKeyShouldYieldTheSameIdAndKey() {
		String key = "retry-" + UUID.randomUUID();
		HttpResponse<String> first = this.http.post(RECORDS, "application/json", json(record("Retried")),
				"Idempotency-Key", key);
		HttpResponse<String> second = this.http.post(RECORDS, "application/json", json(record("Retried")),
				"Idempotency-Key", key);
		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(second.statusCode()).isEqualTo(202);
		String id = mapper.readTree(first.body()).get("id").stringValue();
		assertThat(mapper.readTree(second.body()).get("id").stringValue()).isEqualTo(id);
		assertThat(UUID.fromString(id).version()).isEqualTo(5);
		assertThat(messagesWithKey(id)).hasSize(2);
	}

	@Test
	void chunkedBodyOverTheLimitShouldGet413() {
		byte[] body = json(TestRecords.with("body", "x".repeat(1024 * 1024))).getBytes();
		HttpResponse<String> response = this.http.postChunked(RECORDS, "application/json", body);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
	}

	@Test
	void postWhenKafkaIsDownShouldGet503WithinTenSecondsAndNothingReachesTheTopicAfterItReturns() {
		assumeTrue(this.infrastructure.supportsOutages(), "this infrastructure cannot stop its broker");
		assertThat(this.http.post(RECORDS, "application/json", json(record("Before the outage"))).statusCode())
			.isEqualTo(202);
		String refusedTitle = "During the outage " + UUID.randomUUID();
		HttpResponse<String> refused;
		HttpResponse<String> readinessWhileDown;
		this.infrastructure.stopKafka();
		try {
			refused = assertTimeout(Duration.ofSeconds(10),
					() -> this.http.post(RECORDS, "application/json", json(record(refusedTitle))));
			readinessWhileDown = this.http.get("/actuator/health/readiness");
		}
		finally {
			this.infrastructure.startKafka();
		}
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).contains("5");
		assertThat(refused.body()).contains("kafka-unavailable");
		assertThat(readinessWhileDown.statusCode()).isEqualTo(503);
		String afterTitle = "After the outage " + UUID.randomUUID();
		String afterKey = UUID.randomUUID().toString();
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.http
				.post(RECORDS, "application/json", json(record(afterTitle)), "Idempotency-Key", afterKey)
				.statusCode() == 202);
		List<String> titles = allMessages().stream().map((message) -> title(message)).toList();
		assertThat(titles).contains(afterTitle).doesNotContain(refusedTitle);
	}

	private List<ConsumerRecord<String, String>> allMessages() {
		return RecordsTopic.readAll(this.infrastructure.kafkaBootstrapServers());
	}

	private List<ConsumerRecord<String, String>> messagesWithKey(String key) {
		return allMessages().stream().filter((message) -> key.equals(message.key())).toList();
	}

	private List<ConsumerRecord<String, String>> messagesWithTitleStarting(String prefix) {
		return allMessages().stream().filter((message) -> title(message).startsWith(prefix)).toList();
	}

	private static String title(ConsumerRecord<String, String> message) {
		return mapper.readTree(message.value()).get("title").stringValue();
	}

	private static <T> T single(List<T> values) {
		assertThat(values).hasSize(1);
		return values.get(0);
	}

}
