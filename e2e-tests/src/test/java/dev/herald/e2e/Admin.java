package dev.herald.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The notify operators' view, with the development admin key.
 */
final class Admin {

	static final String ADMIN_KEY = "dev-admin-key-change-me";

	private Admin() {
	}

	static Http.Response deliveries(HeraldSystem system, String recordId) {
		return get(system.notifyUrl() + "/api/v1/admin/deliveries?size=200&recordId=" + recordId);
	}

	/**
	 * A record's ledger entries counted by state.
	 * @param notifyUrl a notify instance
	 * @param recordId the record
	 * @return state to count
	 */
	static JsonNode counts(String notifyUrl, String recordId) {
		return get(notifyUrl + "/api/v1/admin/deliveries?size=1&recordId=" + recordId).json().get("counts");
	}

	/**
	 * The emails still to send, due now and scheduled for later.
	 * @param notifyUrl a notify instance
	 * @return {@code {due, scheduled}}
	 */
	static JsonNode outbox(String notifyUrl) {
		return get(notifyUrl + "/api/v1/admin/stats").json().get("emails");
	}

	/**
	 * How many alerts one notify instance has had accepted by the relay since it started,
	 * from its Prometheus meters.
	 * @param notifyUrl the instance
	 * @return the count
	 */
	static long alertsSent(String notifyUrl) {
		Http.Response response = Http.get(notifyUrl + "/actuator/prometheus");
		Matcher sent = Pattern.compile("(?m)^herald_notify_emails_sent_total\\{[^}]*kind=\"alert\"[^}]*} ([0-9.E]+)$")
			.matcher(response.body());
		if (!sent.find()) {
			throw new AssertionError("No alert counter in the meters of " + notifyUrl + ":\n" + response.body());
		}
		return (long) Double.parseDouble(sent.group(1));
	}

	private static Http.Response get(String url) {
		return Http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Admin-Key", ADMIN_KEY).GET());
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
