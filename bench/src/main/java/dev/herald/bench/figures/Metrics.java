package dev.herald.bench.figures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a meter of a service from its actuator: one meter's JSON, which costs the service
 * far less to produce than its whole Prometheus page.
 */
final class Metrics {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Metrics() {
	}

	/**
	 * The count of a counter, summed over its tags.
	 * @param baseUrl the service
	 * @param name the meter's name, such as {@code herald.catalog.records.stored}
	 * @return the count, or -1 when the service did not answer
	 */
	static double count(String baseUrl, String name) {
		return statistic(baseUrl, name, "COUNT");
	}

	/**
	 * The value of a gauge, summed over its tags.
	 * @param baseUrl the service
	 * @param name the meter's name and tag filter, such as
	 * {@code jvm.memory.used?tag=area:heap}
	 * @return the value, or -1 when the service did not answer
	 */
	static double value(String baseUrl, String name) {
		return statistic(baseUrl, name, "VALUE");
	}

	/**
	 * The cumulative bucket counts of a timer's histogram, from the service's Prometheus
	 * page.
	 * @param baseUrl the service
	 * @param name the timer's Prometheus name, such as
	 * {@code herald_notify_searches_match_seconds}
	 * @return the counts, empty when the page or the buckets are not there
	 */
	static BucketCounts buckets(String baseUrl, String name) {
		return BucketCounts.parse(prometheus(baseUrl), name);
	}

	private static List<String> prometheus(String baseUrl) {
		try {
			HttpResponse<String> response = CLIENT
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body().lines().toList() : List.of();
		}
		catch (IOException ex) {
			return List.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

	private static double statistic(String baseUrl, String name, String statistic) {
		try {
			HttpResponse<String> response = CLIENT
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/metrics/" + name))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return (response.statusCode() == 404) ? 0 : -1;
			}
			for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
				if (statistic.equals(measurement.path("statistic").asString())) {
					return measurement.path("value").asDouble();
				}
			}
			return 0;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
