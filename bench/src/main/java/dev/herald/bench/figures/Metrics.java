package dev.herald.bench.figures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
	 * A quantile of a timer, from the service's Prometheus page (where a timer's
	 * percentiles are published).
	 * @param baseUrl the service
	 * @param name the timer's Prometheus name, such as
	 * {@code herald_notify_searches_match_seconds}
	 * @param quantile the quantile, such as {@code 0.99}
	 * @return the value in the timer's unit, or -1 when it is not there
	 */
	static double quantile(String baseUrl, String name, String quantile) {
		try {
			HttpResponse<String> response = CLIENT
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			String prefix = name + "{";
			String wanted = "quantile=\"" + quantile + "\"";
			return response.body()
				.lines()
				.filter((line) -> line.startsWith(prefix) && line.contains(wanted))
				.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.findFirst()
				.orElse(-1);
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
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
