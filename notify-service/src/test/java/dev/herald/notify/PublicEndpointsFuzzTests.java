package dev.herald.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.herald.notify.subscription.SubscriberStatus;
import dev.herald.notify.subscription.SubscriberStore;
import dev.herald.platform.fuzz.HostileInputs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A thousand generated hostile requests to each public endpoint of notify (broken bodies
 * and forms, forged tokens and admin keys, odd languages): no answer is a 5xx, every 4xx
 * of the API is a problem and of the pages a page, no forged token confirms or
 * unsubscribes anyone, and no email goes out but the confirmations of the requests it
 * accepted.
 */
@NotifyIntegrationTest
@TestPropertySource(properties = "herald.notify.limits.requests-per-client-per-minute=1000000")
class PublicEndpointsFuzzTests {

	private static final int PER_ENDPOINT = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADDRESS = "fuzz@notify-fuzz.herald.test";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private SubscriberStore subscribers;

	@Test
	void everyPublicEndpointShouldAnswerHostileRequestsWithoutA5xxAndChangeNothingItShouldNot() throws Exception {
		HostileInputs inputs = new HostileInputs(System.nanoTime());
		Map<SubscriberStatus, Long> before = this.subscribers.countByStatus();
		int mailBefore = mailTo(ADDRESS);
		int acceptedSubscribes = 0;
		for (Map.Entry<String, Function<HostileInputs, MockHttpServletRequestBuilder>> endpoint : endpoints()
			.entrySet()) {
			Map<Integer, Integer> statuses = new TreeMap<>();
			for (int i = 0; i < PER_ENDPOINT; i++) {
				MockHttpServletRequestBuilder request = endpoint.getValue().apply(inputs);
				if (inputs.oneOf(true, false)) {
					acceptLanguage(request, inputs.headerValue());
				}
				MockHttpServletResponse answer = this.mvc.perform(request).andReturn().getResponse();
				statuses.merge(answer.getStatus(), 1, Integer::sum);
				check(endpoint.getKey(), answer);
				if (answer.getStatus() == 202) {
					acceptedSubscribes++;
				}
			}
			System.out.printf("notify fuzz: %s, %d hostile requests, answers by status %s%n", endpoint.getKey(),
					PER_ENDPOINT, statuses);
		}
		Map<SubscriberStatus, Long> after = this.subscribers.countByStatus();
		System.out.printf("notify fuzz: subscribers by status before %s, after %s; subscribe requests accepted %d%n",
				before, after, acceptedSubscribes);
		assertThat(after.get(SubscriberStatus.ACTIVE)).as("confirmed by a forged token")
			.isEqualTo(before.get(SubscriberStatus.ACTIVE));
		assertThat(after.get(SubscriberStatus.UNSUBSCRIBED)).as("unsubscribed by a forged token")
			.isEqualTo(before.get(SubscriberStatus.UNSUBSCRIBED));
		assertThat(mailTo(ADDRESS) - mailBefore).as("emails sent").isLessThanOrEqualTo(acceptedSubscribes);
	}

	private static Map<String, Function<HostileInputs, MockHttpServletRequestBuilder>> endpoints() {
		Map<String, Function<HostileInputs, MockHttpServletRequestBuilder>> endpoints = new LinkedHashMap<>();
		endpoints.put("POST /api/v1/subscriptions", (in) -> json(post("/api/v1/subscriptions"), in, subscription()));
		endpoints.put("GET /api/v1/subscriptions/me", (in) -> bearer(get("/api/v1/subscriptions/me"), in));
		endpoints.put("PUT /api/v1/subscriptions/me",
				(in) -> json(bearer(put("/api/v1/subscriptions/me"), in), in, subscription()));
		endpoints.put("DELETE /api/v1/subscriptions/me", (in) -> bearer(delete("/api/v1/subscriptions/me"), in));
		endpoints.put("GET /api/v1/topics", (in) -> get(uri("/api/v1/topics", in.parameters(List.of("lang")))));
		endpoints.put("GET /subscribe", (in) -> get(uri("/subscribe", in.parameters(List.of("email", "locale")))));
		endpoints.put("POST /subscribe",
				(in) -> form(post("/subscribe"), in,
						List.of("email", "topics", "language", "frequency", "deliveryTime", "dayOfWeek", "timeZone",
								"quietFrom", "quietTo", "searches[0].query", "searches[0].kind", "searches[0].symbol",
								"searches[99999].query")));
		for (String page : List.of("/subscriptions/confirm", "/subscriptions/manage", "/unsubscribe")) {
			endpoints.put("GET " + page, (in) -> get(uri(page, in.parameters(List.of("token", "locale")))));
			endpoints.put("POST " + page, (in) -> form(post(page), in,
					List.of("token", "topics", "language", "frequency", "List-Unsubscribe")));
		}
		endpoints.put("GET /api/v1/admin/stats", (in) -> admin(get("/api/v1/admin/stats"), in));
		endpoints.put("GET /api/v1/admin/deliveries",
				(in) -> admin(get(uri("/api/v1/admin/deliveries", in.parameters(List.of("recordId", "subscriberId")))),
						in));
		endpoints.put("POST /api/v1/admin/deliveries/resend",
				(in) -> admin(json(post("/api/v1/admin/deliveries/resend"), in, JSON.createObjectNode()), in));
		return endpoints;
	}

	private static void check(String endpoint, MockHttpServletResponse answer) throws Exception {
		int status = answer.getStatus();
		String body = answer.getContentAsString(StandardCharsets.UTF_8);
		String type = (answer.getContentType() != null) ? answer.getContentType() : "";
		assertThat(status).as("%s answered %s", endpoint, body).isLessThan(500);
		if (status >= 400) {
			if (endpoint.contains(" /api/")) {
				assertThat(type).as("%s: %s", endpoint, body).startsWith("application/problem+json");
				assertThat(body).contains("\"status\":" + status);
			}
			else {
				// A page's error is a page, or a problem where a filter refused the
				// request
				// before any page saw it (a body over the size limit).
				assertThat(type).as("%s: %s", endpoint, body)
					.satisfiesAnyOf((value) -> assertThat(value).startsWith("text/html"),
							(value) -> assertThat(value).startsWith("application/problem+json"));
				assertThat(body).isNotBlank();
			}
		}
	}

	/**
	 * Sends a hostile Accept-Language, where the mock request can carry it: it parses the
	 * header itself and throws on what Tomcat reads leniently (the catalog's fuzz test
	 * sends those over real HTTP).
	 */
	private static void acceptLanguage(MockHttpServletRequestBuilder request, String value) {
		try {
			java.util.Locale.LanguageRange.parse(value);
			request.header("Accept-Language", value);
		}
		catch (RuntimeException ex) {
			request.header("Accept-Language",
					"xx-" + value.replaceAll("[^A-Za-z]", "")
						.toLowerCase(java.util.Locale.ROOT)
						.substring(0, Math.min(8, value.replaceAll("[^A-Za-z]", "").length())) + ";q=0.5, *");
		}
	}

	/**
	 * A hostile Content-Type where the mock request can carry it: it parses the header
	 * itself and throws on what is no media type (Tomcat passes such a header on, and the
	 * ingest fuzz test sends those over real HTTP).
	 */
	private static String mediaType(String value) {
		try {
			MediaType.parseMediaType(value);
			return value;
		}
		catch (RuntimeException ex) {
			return "application/x-hostile";
		}
	}

	private static ObjectNode subscription() {
		ObjectNode subscription = JSON.createObjectNode();
		subscription.put("email", ADDRESS);
		subscription.putArray("topics").add("peacekeeping");
		subscription.put("language", "en");
		subscription.put("frequency", "DAILY");
		subscription.put("deliveryTime", "08:00");
		subscription.put("timeZone", "Europe/Minsk");
		return subscription;
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, HostileInputs in,
			ObjectNode valid) {
		return request
			.contentType(in.oneOf(MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE,
					MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE, mediaType(in.headerValue())))
			.content(in.body(valid));
	}

	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, HostileInputs in,
			List<String> names) {
		return request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(HostileInputs.formEncoded(in.parameters(names)));
	}

	private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, HostileInputs in) {
		return request.header("Authorization", in.oneOf("Bearer " + in.headerValue(), in.headerValue(),
				"Bearer a.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Bearer "));
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request, HostileInputs in) {
		return request.header("X-Admin-Key", in.oneOf(in.headerValue(), "dev-admin-key-change-m", "",
				"29b401073038b82dd8106b36b0e4105cb0fcf084a083efccb6f525c8973bd2d2"));
	}

	private static URI uri(String path, Map<String, List<String>> parameters) {
		String query = HostileInputs.formEncoded(parameters);
		return URI.create(path + (query.isEmpty() ? "" : "?" + query));
	}

	private static int mailTo(String address) {
		return new Mailbox(dev.herald.localstack.test.HeraldInfrastructure.get()).to(address).size();
	}

}
