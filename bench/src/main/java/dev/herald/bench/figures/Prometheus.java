package dev.herald.bench.figures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a counter of a service from its Prometheus endpoint.
 */
final class Prometheus {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Prometheus() {
	}

	/**
	 * The sum of a metric over all its series.
	 * @param baseUrl the service
	 * @param name the metric's Prometheus name, such as
	 * {@code herald_catalog_records_stored_total}
	 * @return the sum, or -1 when the service did not answer
	 */
	static double sum(String baseUrl, String name) {
		try {
			HttpResponse<String> response = CLIENT
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return -1;
			}
			double sum = 0;
			for (String line : response.body().split("\n")) {
				if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
					sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
			return sum;
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
