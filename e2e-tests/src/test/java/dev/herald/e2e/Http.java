package dev.herald.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the services' public APIs.
 */
final class Http {

	static final String OPERATOR_KEY = "dev-key-change-me";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Http() {
	}

	static Response get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	static Response postJson(String url, Object body) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	static Response postForm(String url, String form) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form)));
	}

	/**
	 * Posts as an operator, with the development API key.
	 * @param url the ingest URL
	 * @param body the record or records
	 * @return the response
	 */
	static Response postAsOperator(String url, Object body) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + OPERATOR_KEY)
			.POST(BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
					BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			return new Response(-1, ex.toString(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer; status -1 when the connection failed.
	 *
	 * @param status the HTTP status
	 * @param body the body as text
	 * @param raw the response, {@code null} when the connection failed
	 */
	record Response(int status, String body, HttpResponse<String> raw) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String header(String name) {
			return (this.raw != null) ? this.raw.headers().firstValue(name).orElse(null) : null;
		}

	}

}
