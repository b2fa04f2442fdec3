package dev.herald.ingest.record;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.herald.ingest.record.TestRecords.BEARER;
import static dev.herald.ingest.record.TestRecords.json;
import static dev.herald.ingest.record.TestRecords.record;
import static dev.herald.ingest.record.TestRecords.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * Hostile input: each request gets the 4xx it deserves with a problem body, never a 5xx,
 * and nothing reaches the publisher.
 */
@WebMvcTest(RecordController.class)
@Import(RecordSliceConfiguration.class)
class HostileInputTests {

	private static final String RECORDS = "/api/v1/records";

	private static final String BATCH = "/api/v1/records/batch";

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RecordPublisher publisher;

	@BeforeEach
	void acknowledgeEverything() {
		given(this.publisher.publish(anyList())).willReturn(List.of(Delivery.ACKNOWLEDGED));
	}

	static Stream<Arguments> hostileInputs() {
		return Stream.of(
				// huge strings
				hostile("huge title", 400, with("title", "x".repeat(10_000))),
				hostile("2 MiB string", 413, with("body", "x".repeat(2 * 1024 * 1024))),
				hostile("Cyrillic title one character too long", 400, with("title", "ж".repeat(501))),
				hostile("emoji title one character too long", 400, with("title", "🚀".repeat(501))),
				hostile("100k-character field name", 400, with("k".repeat(100_000), "v")),
				hostile("number with a million digits", 400,
						raw(RECORDS, JSON,
								json(record()).replace("\"kind\":\"MEETING\"", "\"kind\":" + "9".repeat(1_000_000)))),
				// deep nesting
				hostile("array nested 33 deep", 400, raw(RECORDS, JSON, "[".repeat(33) + "]".repeat(33))),
				hostile("place nested 40 deep", 400,
						raw(RECORDS, JSON,
								json(record()).replace("\"place\":{", "\"place\":" + nested(40) + ",\"x\":{"))),
				hostile("batch item nested 40 deep", 400, raw(BATCH, JSON, "[" + nested(40) + "]")),
				// wrong types, numbers where strings belong
				hostile("title is a number", 400, with("title", 42)),
				hostile("occurredOn is a number", 400, with("occurredOn", 20231113)),
				hostile("document symbol is a number", 400, with("documentSymbols", List.of(906))),
				hostile("topics is a string", 400, with("topics", "information-security")),
				hostile("place is an array", 400, with("place", List.of("Minsk", "Belarus"))),
				hostile("kind is a boolean", 400, with("kind", true)),
				hostile("body is an object", 400, with("body", Map.of("text", "x"))),
				hostile("record is an array", 400, raw(RECORDS, JSON, json(List.of(record())))),
				hostile("record is a string", 400, raw(RECORDS, JSON, "\"MEETING\"")),
				// nulls
				hostile("title is null", 400, with("title", null)),
				hostile("topic is null", 400, with("topics", java.util.Arrays.asList((Object) null))),
				hostile("body is JSON null", 400, raw(RECORDS, JSON, "null")),
				hostile("every field null", 400, allNull()),
				// CR/LF and other control characters
				hostile("CR LF in title", 400, with("title", "Meeting\r\nX-Injected: yes")),
				hostile("LF in organization", 400, with("organization", "CSTO\nBcc: victim@example.com")),
				hostile("NUL in city", 400, with("place", Map.of("city", "Min\u0000sk", "country", "Belarus"))),
				hostile("escape sequence in summary", 400, with("summary", "Red \u001B[31malert")),
				hostile("CR LF in topic", 400, with("topics", List.of("united-nations\r\n"))),
				// HTML and script where they cannot belong
				hostile("script as language", 400, with("language", "<script>alert(1)</script>")),
				hostile("javascript: source URL", 400, with("sourceUrl", "javascript:alert(document.cookie)")),
				hostile("data: source URL with script", 400,
						with("sourceUrl", "data:text/html,<script>alert(1)</script>")),
				hostile("HTML as topic", 400, with("topics", List.of("<b>peacekeeping</b>"))),
				hostile("script title over the length limit", 400,
						with("title", "<script>alert(1)</script>".repeat(21))),
				// emoji, right-to-left, Cyrillic where they cannot belong
				hostile("emoji in date", 400, with("occurredOn", "2023-11-1🚀")),
				hostile("emoji in kind", 400, with("kind", "MEETING🚀")),
				hostile("right-to-left override in title", 400, with("title", "Meeting \u202Egnp.exe")),
				hostile("right-to-left isolate in participant", 400, with("participants", List.of("\u2067Delegate"))),
				hostile("Cyrillic look-alike topic slug", 400, with("topics", List.of("іnformation-security"))),
				hostile("Cyrillic kind", 400, with("kind", "ВСТРЕЧА")),
				hostile("Cyrillic language tag", 400, with("language", "ру")),
				hostile("Cyrillic digits date", 400, with("occurredOn", "２０２３-１１-１３")),
				// duplicate keys and other JSON tricks
				hostile("duplicate title key", 400,
						raw(RECORDS, JSON,
								json(record()).replace("\"kind\":\"MEETING\"",
										"\"title\":\"A\",\"kind\":\"MEETING\""))),
				hostile("duplicate key inside place", 400,
						raw(RECORDS, JSON,
								json(record()).replace("\"city\":\"Moscow\"",
										"\"city\":\"Moscow\",\"city\":\"Minsk\""))),
				hostile("prototype pollution key", 400, with("__proto__", Map.of("admin", true))),
				hostile("server-owned id", 400, with("id", "1a7fcbee-7605-46a7-a1dc-2d54f24d159c")),
				hostile("server-owned publishedBy", 400, with("publishedBy", "someone-else")),
				hostile("truncated JSON", 400, raw(RECORDS, JSON, json(record()).substring(0, 80))),
				hostile("NaN literal", 400, raw(RECORDS, JSON, json(record()).replace("\"MEETING\"", "NaN"))),
				hostile("comment in JSON", 400,
						raw(RECORDS, JSON, json(record()).replace("{\"kind\"", "{/* hi */\"kind\""))),
				hostile("two documents", 400, raw(RECORDS, JSON, json(record()) + json(record()))),
				hostile("invalid UTF-8", 400, new Request(RECORDS, JSON, invalidUtf8(), Map.of())),
				hostile("unpaired surrogate escape", 400, raw(RECORDS, JSON,
						json(record()).replace("\"kind\":\"MEETING\"", "\"kind\":\"MEETING\",\"title\":\"\\ud800\"")
							.replaceFirst("\"title\":\"Meeting [^\"]*\",", ""))),
				hostile("empty body", 400, raw(RECORDS, JSON, "")),
				// values out of range
				hostile("date in year 99999", 400, with("occurredOn", "+99999-01-01")),
				hostile("date before 1900", 400, with("occurredOn", "0021-05-19")),
				hostile("credentials in source URL", 400, with("sourceUrl", "https://admin:secret@example.com/x")),
				hostile("51 topics", 400, with("topics", IntStream.range(0, 51).mapToObj((i) -> "t" + i).toList())),
				hostile("Idempotency-Key with control characters", 400,
						new Request(RECORDS, JSON, bytes(json(record())), Map.of("Idempotency-Key", "k\tk"))),
				// wrong content types and sizes
				hostile("HTML content type", 415, raw(RECORDS, MediaType.TEXT_HTML_VALUE, json(record()))),
				hostile("form content type", 415, raw(RECORDS, MediaType.APPLICATION_FORM_URLENCODED_VALUE, "a=b")),
				hostile("XML content type on batch", 415, raw(BATCH, MediaType.APPLICATION_XML_VALUE, "<a/>")),
				// Spring Framework 7.0.8 failed to parse this one with a 500
				hostile("content type that starts with a quote", 415,
						new Request(BATCH, null, bytes(json(List.of(record()))), Map.of("Content-Type", "\"a/b"))),
				hostile("batch that is an object", 400, raw(BATCH, JSON, json(record()))),
				hostile("answer only as XML", 406,
						new Request(RECORDS, JSON, bytes(json(record())), Map.of("Accept", "application/xml"))),
				hostile("batch answer only as HTML", 406,
						new Request(BATCH, JSON, bytes(json(List.of(record()))), Map.of("Accept", "text/html"))),
				hostile("batch of 1001 records", 413,
						raw(BATCH, JSON, json(IntStream.range(0, 1001).mapToObj((i) -> (Object) record()).toList()))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileInputs")
	void hostileInputShouldGetA4xxProblemAndPublishNothing(String name, int status, Request request) {
		var exchange = this.mvc.post().uri(request.path()).content(request.body());
		if (request.contentType() != null) {
			exchange = exchange.contentType(MediaType.parseMediaType(request.contentType()));
		}
		exchange = exchange.header(HttpHeaders.AUTHORIZATION, BEARER);
		for (Map.Entry<String, String> header : request.headers().entrySet()) {
			exchange = exchange.header(header.getKey(), header.getValue());
		}
		MvcTestResult result = exchange.exchange();
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
		assertThat(result).bodyJson().extractingPath("$.title").isNotNull();
		assertThat(result).bodyJson().extractingPath("$.detail").isNotNull();
		then(this.publisher).shouldHaveNoInteractions();
	}

	private static Arguments hostile(String name, int status, Object body) {
		Request request = (body instanceof Request given) ? given : raw(RECORDS, JSON, json(body));
		return arguments(name, status, request);
	}

	private static Request raw(String path, String contentType, String body) {
		return new Request(path, contentType, bytes(body), Map.of());
	}

	private static String nested(int depth) {
		return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
	}

	private static Map<String, Object> allNull() {
		Map<String, Object> record = new LinkedHashMap<>();
		record().keySet().forEach((field) -> record.put(field, null));
		return record;
	}

	private static byte[] invalidUtf8() {
		byte[] valid = bytes(json(record("Title XX")));
		String text = new String(valid, StandardCharsets.UTF_8);
		int at = text.indexOf("XX");
		valid[at] = (byte) 0xC3;
		valid[at + 1] = (byte) 0x28;
		return valid;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A hostile request.
	 *
	 * @param path where it is posted
	 * @param contentType its content type
	 * @param body its body
	 * @param headers other headers
	 */
	record Request(String path, String contentType, byte[] body, Map<String, String> headers) {

		@Override
		public String toString() {
			return this.path;
		}

	}

}
