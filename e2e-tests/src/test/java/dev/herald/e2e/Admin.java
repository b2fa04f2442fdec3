package dev.herald.e2e;

import java.net.URI;
import java.net.http.HttpRequest;

import tools.jackson.databind.JsonNode;

/**
 * The notify operators' view, with the development admin key.
 */
final class Admin {

	static final String ADMIN_KEY = "dev-admin-key-change-me";

	private Admin() {
	}

	static Http.Response deliveries(HeraldSystem system, String recordId) {
		return Http.send(HttpRequest
			.newBuilder(URI.create(system.notifyUrl() + "/api/v1/admin/deliveries?size=200&recordId=" + recordId))
			.header("X-Admin-Key", ADMIN_KEY)
			.GET());
	}

	/**
	 * How many deliveries in a page are not yet in a final state.
	 * @param page the admin API's page of deliveries
	 * @return the count of entries still to be sent
	 */
	static long unsettled(JsonNode page) {
		long unsettled = 0;
		for (JsonNode row : page.get("content")) {
			String status = row.get("status").asString();
			if (!status.equals("SENT") && !status.equals("FAILED") && !status.equals("SKIPPED")) {
				unsettled++;
			}
		}
		return unsettled;
	}

}
