package dev.herald.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads the catalog through its public API.
 */
final class Catalog {

	private final String url;

	Catalog(HeraldSystem system) {
		this.url = system.catalogUrl();
	}

	/**
	 * The ids of every record matching a query, following the {@code next} links.
	 * @param query the query string, such as {@code organization=X}
	 * @return the ids in the order the catalog gave them (duplicates kept)
	 */
	List<String> ids(String query) {
		List<String> ids = new ArrayList<>();
		String next = this.url + "/api/v1/records?size=100&" + query;
		while (next != null) {
			Http.Response page = Http.get(next);
			if (page.status() != 200) {
				throw new IllegalStateException("Catalog answered " + page.status() + ": " + page.body());
			}
			JsonNode json = page.json();
			json.get("items").forEach((item) -> ids.add(item.get("id").asString()));
			next = (json.hasNonNull("next")) ? json.get("next").asString() : null;
		}
		return ids;
	}

	Http.Response record(String id) {
		return Http.get(this.url + "/api/v1/records/" + id);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
