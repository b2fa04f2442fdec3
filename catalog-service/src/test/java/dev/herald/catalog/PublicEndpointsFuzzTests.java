package dev.herald.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.herald.catalog.record.RecordDocument;
import dev.herald.platform.fuzz.HostileInputs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand generated hostile requests to each public endpoint of the catalog (query
 * parameters, path ids, headers): no answer is a 5xx, every 4xx of the API and the feed
 * is a problem, every 4xx of the pages a page (or a problem, where Tomcat refused the
 * request before any page saw it), and nothing is stored.
 */
@CatalogIntegrationTest
class PublicEndpointsFuzzTests {

	private static final int PER_ENDPOINT = 1000;

	private static final List<String> FILTERS = List.of("q", "topic", "kind", "organization", "symbol", "from", "to",
			"lang", "size", "cursor");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private MongoTemplate mongo;

	@Test
	void everyPublicEndpointShouldAnswerHostileRequestsWithoutA5xxAndStoreNothing() {
		long seed = System.nanoTime();
		HostileInputs inputs = new HostileInputs(seed);
		long storedBefore = this.mongo.count(new Query(), RecordDocument.class);
		Map<String, Function<HostileInputs, String>> endpoints = new LinkedHashMap<>();
		endpoints.put("GET /api/v1/records", (in) -> "/api/v1/records" + query(in.parameters(FILTERS)));
		endpoints.put("GET /api/v1/records/{id}", (in) -> "/api/v1/records/" + segment(in.string()));
		endpoints.put("GET /api/v1/topics", (in) -> "/api/v1/topics" + query(in.parameters(List.of("lang"))));
		endpoints.put("GET /feeds/records.atom", (in) -> "/feeds/records.atom" + query(in.parameters(FILTERS)));
		endpoints.put("GET /records", (in) -> "/records" + query(in.parameters(FILTERS)));
		endpoints.put("GET /records/{id}", (in) -> "/records/" + segment(in.string()));
		for (Map.Entry<String, Function<HostileInputs, String>> endpoint : endpoints.entrySet()) {
			Map<Integer, Integer> statuses = new TreeMap<>();
			for (int i = 0; i < PER_ENDPOINT; i++) {
				String target = endpoint.getValue().apply(inputs);
				HttpResponse<String> answer = get(target, inputs);
				statuses.merge(answer.statusCode(), 1, Integer::sum);
				check(endpoint.getKey(), target, answer);
			}
			System.out.printf("catalog fuzz: %s, %d hostile requests, answers by status %s%n", endpoint.getKey(),
					PER_ENDPOINT, statuses);
		}
		assertThat(this.mongo.count(new Query(), RecordDocument.class)).as("records stored").isEqualTo(storedBefore);
	}

	private static void check(String endpoint, String target, HttpResponse<String> answer) {
		int status = answer.statusCode();
		String type = answer.headers().firstValue("Content-Type").orElse("");
		assertThat(status).as("%s %s answered %s", endpoint, target, answer.body()).isLessThan(500);
		if (status >= 400) {
			if (endpoint.startsWith("GET /records") && !answer.body().contains("refused before it reached Herald")) {
				// A page's error is a page; what Tomcat refuses by itself is a problem.
				assertThat(type).as("%s %s", endpoint, target).startsWith("text/html");
			}
			else {
				assertThat(type).as("%s %s: %s", endpoint, target, answer.body())
					.startsWith("application/problem+json");
				assertThat(answer.body()).contains("\"status\":" + status);
			}
		}
	}

	private HttpResponse<String> get(String target, HostileInputs inputs) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + target))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (inputs.oneOf(true, false)) {
			request.header("Accept-Language", inputs.headerValue());
		}
		if (inputs.oneOf(true, false, false)) {
			request.header("If-None-Match", inputs.headerValue());
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException("GET " + target + " failed: " + ex, ex);
		}
	}

	private static String query(Map<String, List<String>> parameters) {
		String query = HostileInputs.formEncoded(parameters);
		return query.isEmpty() ? "" : "?" + query;
	}

	private static String segment(String value) {
		return encode(value.isEmpty() ? "x" : value).replace("+", "%20");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
