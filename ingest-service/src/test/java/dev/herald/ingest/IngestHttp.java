package dev.herald.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * A plain HTTP client for the running service, so that integration tests go through the
 * real server: its connector, its filters and its limits.
 */
public final class IngestHttp {

	/** The documented development key the default configuration accepts. */
	public static final String BEARER = "Bearer dev-key-change-me";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public IngestHttp(int port) {
		this.base = "http://localhost:" + port;
	}

	/**
	 * Posts a body as an authenticated operator.
	 * @param path the path
	 * @param contentType the content type
	 * @param body the body
	 * @param headers more header names and values
	 * @return the response
	 */
	public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		return post(path, contentType, BodyPublishers.ofString(body), headers);
	}

	/**
	 * Posts a body without a declared length (chunked transfer encoding).
	 * @param path the path
	 * @param contentType the content type
	 * @param body the body
	 * @return the response
	 */
	public HttpResponse<String> postChunked(String path, String contentType, byte[] body) {
		return post(path, contentType, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
	}

	private HttpResponse<String> post(String path, String contentType, BodyPublisher body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", BEARER)
			.header("Content-Type", contentType)
			.POST(body);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30)).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
