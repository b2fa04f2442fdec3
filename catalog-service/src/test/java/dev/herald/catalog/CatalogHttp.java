package dev.herald.catalog;

import java.net.URI;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * HTTP calls to the running catalog in integration tests. Error statuses are returned,
 * not thrown.
 */
public final class CatalogHttp {

	/**
	 * The public base URL the integration tests give the catalog: its links start with
	 * it, and this client follows them to the test's server.
	 */
	public static final String PUBLIC_BASE_URL = "https://catalog.herald.test";

	private final String baseUrl;

	private final RestClient client;

	public CatalogHttp(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.client = RestClient.builder().defaultStatusHandler((status) -> true, (request, response) -> {
		}).build();
	}

	/**
	 * GETs a path or absolute URL.
	 * @param uri the path with its query (already encoded) or an absolute URL
	 * @return the response with its body as text
	 */
	public ResponseEntity<String> get(String uri) {
		return get(uri, (headers) -> {
		});
	}

	/**
	 * GETs a path or absolute URL with extra headers.
	 * @param uri the path with its query (already encoded) or an absolute URL
	 * @param headers adds request headers
	 * @return the response with its body as text
	 */
	public ResponseEntity<String> get(String uri, Consumer<HttpHeaders> headers) {
		String local = uri.startsWith(PUBLIC_BASE_URL) ? uri.substring(PUBLIC_BASE_URL.length()) : uri;
		URI target = URI.create(local.startsWith("http") ? local : this.baseUrl + local);
		return this.client.get().uri(target).headers(headers).retrieve().toEntity(String.class);
	}

	/**
	 * GETs JSON that must be there.
	 * @param uri the path with its query (already encoded) or an absolute URL
	 * @return the JSON body
	 */
	public JsonNode json(String uri) {
		ResponseEntity<String> response = get(uri);
		if (!response.getStatusCode().is2xxSuccessful()) {
			throw new IllegalStateException(
					"GET " + uri + " answered " + response.getStatusCode() + ": " + response.getBody());
		}
		return TestRecords.JSON.readTree(response.getBody());
	}

}
