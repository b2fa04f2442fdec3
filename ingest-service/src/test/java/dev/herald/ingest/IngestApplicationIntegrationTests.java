package dev.herald.ingest;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a whole on real infrastructure: it starts, reports its health with Kafka
 * in readiness, publishes what a plain Kafka consumer reads back, and serves its OpenAPI
 * document and metrics.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableHeraldInfrastructure
class IngestApplicationIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HeraldInfrastructure infrastructure = HeraldInfrastructure.get();

	@LocalServerPort
	private int port;

	private IngestHttp http;

	@BeforeEach
	void client() {
		this.http = new IngestHttp(this.port);
	}

	@Test
	void postedRecordShouldBeReadBackByAPlainKafkaConsumer() {
		String title = "Read-back check " + UUID.randomUUID();
		HttpResponse<String> response = this.http.post("/api/v1/records", "application/json", """
				{"kind": "STATEMENT", "title": "%s", "summary": "A statement.", "occurredOn": "2021-05-19",
				 "organization": "CSTO", "language": "en"}""".formatted(title));
		assertThat(response.statusCode()).isEqualTo(202);
		String id = json.readTree(response.body()).get("id").stringValue();
		List<ConsumerRecord<String, String>> messages = RecordsTopic
			.readAll(this.infrastructure.kafkaBootstrapServers())
			.stream()
			.filter((message) -> id.equals(message.key()))
			.toList();
		assertThat(messages).hasSize(1);
		JsonNode value = json.readTree(messages.get(0).value());
		assertThat(value.get("title").stringValue()).isEqualTo(title);
		assertThat(value.get("publishedBy").stringValue()).isEqualTo("dev-operator");
	}

	@Test
	void healthShouldBeUpWithKafkaInReadinessButNotInLiveness() {
		HttpResponse<String> readiness = this.http.get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		JsonNode components = json.readTree(readiness.body()).get("components");
		assertThat(components.get("kafka").get("status").stringValue()).isEqualTo("UP");
		assertThat(components.get("kafka").get("details").get("partitions").get("herald.records.v1").intValue())
			.isEqualTo(6);
		assertThat(components.get("readinessState").get("status").stringValue()).isEqualTo("UP");
		HttpResponse<String> liveness = this.http.get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(json.readTree(liveness.body()).get("status").stringValue()).isEqualTo("UP");
		assertThat(liveness.body()).doesNotContain("kafka");
	}

	@Test
	void openApiDocumentShouldDescribeTheRecordsApiWithExamples() {
		HttpResponse<String> response = this.http.get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode api = json.readTree(response.body());
		JsonNode post = api.at("/paths/~1api~1v1~1records/post");
		assertThat(post.at("/requestBody/content/application~1json/examples").size()).isEqualTo(2);
		assertThat(post.at("/responses/202/content").isMissingNode()).isFalse();
		assertThat(post.at("/responses/400/content/application~1problem+json").isMissingNode()).isFalse();
		JsonNode batch = api.at("/paths/~1api~1v1~1records~1batch/post/requestBody/content");
		assertThat(batch.has("application/x-ndjson")).isTrue();
		assertThat(batch.at("/application~1json/schema/items/$ref").stringValue()).endsWith("/IncomingRecord");
		assertThat(batch.at("/application~1json/schema/maxItems").intValue()).isEqualTo(1000);
		assertThat(api.at("/components/schemas/IncomingRecord/properties/title/maxLength").intValue()).isEqualTo(500);
		assertThat(api.at("/components/securitySchemes/apiKey/scheme").stringValue()).isEqualTo("bearer");
		assertThat(this.http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusShouldExposeRecordsAcceptedRejectedAndPublishLatency() {
		this.http.post("/api/v1/records", "application/json", "{}");
		this.http.post("/api/v1/records", "application/json", """
				{"kind": "MEETING", "title": "Metrics check", "summary": "A meeting.", "occurredOn": "2023-11-13",
				 "organization": "CSTO", "language": "en"}""");
		HttpResponse<String> response = this.http.get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(sample(response.body(), "herald_ingest_records_accepted_total")).isGreaterThanOrEqualTo(1);
		assertThat(sample(response.body(), "herald_ingest_records_rejected_total", "reason=\"invalid-record\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(sample(response.body(), "herald_ingest_publish_latency_seconds_count", "outcome=\"acknowledged\""))
			.isGreaterThanOrEqualTo(1);
	}

	private static double sample(String exposition, String name, String... labels) {
		return exposition.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
