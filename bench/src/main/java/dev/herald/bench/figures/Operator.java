package dev.herald.bench.figures;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.bench.load.RawHttp;

/**
 * Requests of the development operator to ingest, and how their answers count.
 */
final class Operator {

	static final String KEY = "dev-key-change-me";

	private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

	private Operator() {
	}

	static HttpRequest post(String url, String json) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + KEY)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	/**
	 * The bytes of a post for the raw load generator.
	 * @param port the server's port on localhost
	 * @param path the path
	 * @param json the body
	 * @return the request
	 */
	static byte[] raw(int port, String path, String json) {
		return RawHttp.post("localhost:" + port, path,
				Map.of("Content-Type", "application/json", "Authorization", "Bearer " + KEY), json);
	}

	/**
	 * One record for a 202 answer to a single post.
	 * @param response the answer
	 * @return 1 or 0
	 */
	static int single(RawHttp.Response response) {
		return (response.status() == 202) ? 1 : 0;
	}

	/**
	 * The accepted records of a batch answer.
	 * @param response the answer
	 * @return how many records Kafka acknowledged
	 */
	static int batch(RawHttp.Response response) {
		if (response.status() != 200) {
			return 0;
		}
		Matcher matcher = ACCEPTED.matcher(response.body());
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
	}

}
