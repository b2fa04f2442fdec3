package dev.herald.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import dev.herald.localstack.test.EnableHeraldInfrastructure;
import dev.herald.localstack.test.HeraldInfrastructure;
import dev.herald.platform.fuzz.HostileInputs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand generated hostile requests to each public endpoint of ingest (bodies broken
 * one field at a time, wrong types, bytes that are no JSON, forged keys, odd content
 * types): no answer is a 5xx, every 4xx is a problem, and Kafka receives exactly the
 * records ingest said it accepted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableHeraldInfrastructure
class PublicEndpointsFuzzTests {

	private static final int PER_ENDPOINT = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KEY = "Bearer dev-key-change-me";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Test
	void everyPublicEndpointShouldAnswerHostileRequestsWithoutA5xxAndPublishOnlyWhatItAccepted() {
		HostileInputs inputs = new HostileInputs(System.nanoTime());
		String bootstrap = HeraldInfrastructure.get().kafkaBootstrapServers();
		int publishedBefore = RecordsTopic.readAll(bootstrap).size();
		int accepted = 0;
		for (String endpoint : new String[] { "/api/v1/records", "/api/v1/records/batch" }) {
			Map<Integer, Integer> statuses = new TreeMap<>();
			for (int i = 0; i < PER_ENDPOINT; i++) {
				byte[] body = endpoint.endsWith("batch") ? batch(inputs) : inputs.body(valid());
				HttpResponse<String> answer = post(endpoint, body, inputs);
				statuses.merge(answer.statusCode(), 1, Integer::sum);
				accepted += check(endpoint, body, answer);
			}
			System.out.printf("ingest fuzz: POST %s, %d hostile requests, answers by status %s%n", endpoint,
					PER_ENDPOINT, statuses);
		}
		int published = RecordsTopic.readAll(bootstrap).size() - publishedBefore;
		System.out.printf("ingest fuzz: accepted %d records, Kafka received %d%n", accepted, published);
		assertThat(published).as("records published").isEqualTo(accepted);
	}

	/**
	 * Checks one answer.
	 * @return how many records it says were accepted
	 */
	private static int check(String endpoint, byte[] body, HttpResponse<String> answer) {
		int status = answer.statusCode();
		String shown = new String(body, 0, Math.min(body.length, 500), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(status).as("POST %s %s answered %s", endpoint, shown, answer.body()).isLessThan(500);
		if (status >= 400) {
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).as("POST %s %s", endpoint, shown)
				.startsWith("application/problem+json");
			assertThat(answer.body()).contains("\"status\":" + status);
			return 0;
		}
		if (status == 202) {
			return 1;
		}
		JsonNode result = JSON.readTree(answer.body());
		return result.get("accepted").asInt();
	}

	private byte[] batch(HostileInputs inputs) {
		StringBuilder items = new StringBuilder("[");
		int count = 1 + inputs.oneOf(0, 1, 2);
		for (int i = 0; i < count; i++) {
			items.append((i > 0) ? "," : "")
				.append(new String(inputs.body(valid()), java.nio.charset.StandardCharsets.UTF_8));
		}
		String array = items.append("]").toString();
		return inputs.oneOf(array, array, array, new String(inputs.rawBytes(), java.nio.charset.StandardCharsets.UTF_8))
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private HttpResponse<String> post(String endpoint, byte[] body, HostileInputs inputs) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + endpoint))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		request.header("Authorization", inputs.oneOf(KEY, KEY, KEY, KEY, KEY, KEY, "Bearer " + inputs.headerValue(),
				inputs.headerValue(), "Basic ZGV2OmRldg=="));
		request.header("Content-Type", inputs.oneOf("application/json", "application/json", "application/json",
				"application/json; charset=UTF-16", "text/plain", "application/x-ndjson", inputs.headerValue()));
		if (inputs.oneOf(true, false, false)) {
			request.header("Idempotency-Key", inputs.headerValue());
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException("POST " + endpoint + " failed: " + ex, ex);
		}
	}

	private static ObjectNode valid() {
		ObjectNode record = JSON.createObjectNode();
		record.put("kind", "MEETING");
		record.put("title", "Meeting of the CSTO Council of Foreign Ministers on peacekeeping");
		record.put("summary", "The ministers discussed peacekeeping and crisis response.");
		record.put("occurredOn", "2023-11-22");
		record.putObject("place").put("city", "Minsk").put("country", "Belarus");
		record.put("organization", "CSTO");
		record.putArray("bodies").add("Council of Foreign Ministers");
		record.putArray("documentSymbols");
		record.put("language", "en");
		return record;
	}

}
