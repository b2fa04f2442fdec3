package dev.herald.ingest.record;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.herald.ingest.IngestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.herald.ingest.record.TestRecords.BEARER;
import static dev.herald.ingest.record.TestRecords.json;
import static dev.herald.ingest.record.TestRecords.record;
import static dev.herald.ingest.record.TestRecords.with;
import static dev.herald.ingest.record.TestRecords.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * Web slice tests of {@link RecordController}: authentication, validation, problem
 * bodies, size limits, batches. Kafka is replaced at the publisher.
 */
@WebMvcTest(RecordController.class)
@Import(RecordSliceConfiguration.class)
class RecordControllerTests {

	private static final String RECORDS = "/api/v1/records";

	private static final String BATCH = "/api/v1/records/batch";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MeterRegistry meters;

	@MockitoBean
	private RecordPublisher publisher;

	private final Map<String, Double> rejectedBefore = new HashMap<>();

	@BeforeEach
	void countRejections() {
		IngestMetrics.REASONS.forEach((reason) -> this.rejectedBefore.put(reason, rejectedTotal(reason)));
	}

	@BeforeEach
	void acknowledgeEverything() {
		given(this.publisher.publish(anyList())).willAnswer(
				(invocation) -> Collections.nCopies(invocation.<List<?>>getArgument(0).size(), Delivery.ACKNOWLEDGED));
	}

	@Test
	void postWithoutAuthorizationShouldReturn401WithBearerChallenge() {
		MvcTestResult result = this.mvc.post()
			.uri(RECORDS)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(record()))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"herald-ingest\"");
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://herald.dev/problems/unauthenticated");
		then(this.publisher).shouldHaveNoInteractions();
		assertThat(rejected("unauthenticated")).isEqualTo(1);
	}

	@Test
	void postWithWrongKeyShouldReturn401WithoutTellingWhichKeysExist() {
		MvcTestResult result = this.mvc.post()
			.uri(RECORDS)
			.header(HttpHeaders.AUTHORIZATION, "Bearer dev-key-change-mf")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(record()))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"herald-ingest\", error=\"invalid_token\"");
		assertThat(result).bodyText().doesNotContain("dev-operator").doesNotContain("57c8139d");
		then(this.publisher).shouldHaveNoInteractions();
	}

	@Test
	void unknownPathWithoutAuthorizationShouldReturn401() {
		assertThat(this.mvc.get().uri("/api/v2/anything")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri("/internal")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void postWithBasicAuthenticationShouldReturn401() {
		assertThat(this.mvc.post()
			.uri(RECORDS)
			.header(HttpHeaders.AUTHORIZATION, "Basic ZGV2OmRldi1rZXktY2hhbmdlLW1l")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(record()))).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void postWithoutAuthorizationAndWithWrongContentTypeShouldReturn401First() {
		assertThat(this.mvc.post().uri(RECORDS).contentType(MediaType.TEXT_PLAIN).content("hello"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void postValidRecordShouldPublishItAndAnswer202WithIdTopicsAndLocation() {
		MvcTestResult result = post(record("Consultative Coordination Centre for Responding to Computer Incidents"));
		assertThat(result).hasStatus(HttpStatus.ACCEPTED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		PublishedRecord event = publishedEvents().get(0);
		assertThat(event.id().version()).isEqualTo(7);
		assertThat(event.publishedBy()).isEqualTo("dev-operator");
		assertThat(event.topics()).containsExactly("information-security", "united-nations");
		assertThat(event.bodies()).containsExactly("Council of the Consultative Coordination Centre");
		assertThat(result).hasHeader(HttpHeaders.LOCATION, "http://localhost:8082/api/v1/records/" + event.id());
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(event.id().toString());
		assertThat(result).bodyJson()
			.extractingPath("$.topics")
			.asArray()
			.containsExactly("information-security", "united-nations");
		assertThat(result).bodyJson().extractingPath("$.publishedAt").isEqualTo(event.publishedAt().toString());
	}

	@Test
	void postWithOnlyRequiredFieldsShouldPublishEmptyListsForBodiesSymbolsAndTopics() {
		assertThat(post(without("place", "bodies", "documentSymbols", "topics", "sourceUrl")))
			.hasStatus(HttpStatus.ACCEPTED);
		PublishedRecord event = publishedEvents().get(0);
		assertThat(event.bodies()).isEmpty();
		assertThat(event.documentSymbols()).isEmpty();
		assertThat(event.place()).isNull();
		assertThat(event.participants()).isNull();
	}

	@Test
	void postWithBodyButNoSummaryShouldBeAccepted() {
		Map<String, Object> record = without("summary");
		record.put("body", "Paragraph one.\n\nParagraph two,\twith a tab.");
		assertThat(post(record)).hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void postWithUnusualButLegitimateTextShouldPublishItVerbatim() {
		String title = "<script>alert('x')</script> & «Заседание» 🚀 اجتماع مجلس الأمن";
		assertThat(post(record(title))).hasStatus(HttpStatus.ACCEPTED);
		assertThat(publishedEvents().get(0).title()).isEqualTo(title);
	}

	@Test
	void postWithIdempotencyKeyShouldGiveTheSameVersion5IdEveryTime() {
		MvcTestResult first = post(record(), "Idempotency-Key", "csto-2023-11-13");
		MvcTestResult second = post(record(), "Idempotency-Key", "csto-2023-11-13");
		assertThat(first).hasStatus(HttpStatus.ACCEPTED);
		UUID expected = new RecordIds().forKey("dev-operator", "csto-2023-11-13");
		assertThat(first).bodyJson().extractingPath("$.id").isEqualTo(expected.toString());
		assertThat(second).bodyJson().extractingPath("$.id").isEqualTo(expected.toString());
	}

	@Test
	void postWithIdempotencyKeyAndDifferentExternalIdShouldReturn400() {
		assertThat(post(with("externalId", "other"), "Idempotency-Key", "key")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("externalId");
		then(this.publisher).shouldHaveNoInteractions();
	}

	@Test
	void postWithInvalidIdempotencyKeyShouldReturn400NamingTheHeader() {
		assertThat(post(record(), "Idempotency-Key", "x".repeat(201))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("Idempotency-Key");
	}

	@Test
	void postWhenKafkaDoesNotAcknowledgeShouldReturn503WithRetryAfter() {
		given(this.publisher.publish(anyList()))
			.willReturn(List.of(Delivery.failed(new org.apache.kafka.common.errors.TimeoutException("down"))));
		MvcTestResult result = post(record());
		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader(HttpHeaders.RETRY_AFTER, "5")
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://herald.dev/problems/kafka-unavailable");
		assertThat(result).bodyText().doesNotContain("\"id\"");
		assertThat(rejected("kafka-unavailable")).isEqualTo(1);
	}

	@Test
	void postWithManyProblemsShouldNameEveryOffendingField() {
		Map<String, Object> record = record("x".repeat(501));
		record.remove("kind");
		record.remove("summary");
		record.put("occurredOn", "2023-02-30");
		record.put("organization", "CSTO\r\nBcc: victim@example.com");
		record.put("topics", List.of("united-nations", "cyber"));
		record.put("language", "english");
		record.put("sourceUrl", "ftp://example.com/file");
		record.put("documentSymbols", List.of("A/75/906", "A/75/906"));
		record.put("place", Map.of("city", 42, "country", "Russia"));
		MvcTestResult result = post(record);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("kind", "title", "summary", "occurredOn", "organization", "topics[1]",
					"language", "sourceUrl", "documentSymbols[1]", "place.city");
		assertThat(result).bodyJson()
			.extractingPath("$.knownTopics")
			.asArray()
			.contains("information-security", "peacekeeping", "united-nations");
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://herald.dev/problems/invalid-record");
		then(this.publisher).shouldHaveNoInteractions();
		assertThat(rejected("invalid-record")).isEqualTo(1);
	}

	@Test
	void postWithServerOwnedFieldsShouldRefuseEachOfThem() {
		Map<String, Object> record = record();
		record.put("id", UUID.randomUUID().toString());
		record.put("publishedAt", "2023-11-13T10:00:00Z");
		record.put("publishedBy", "someone-else");
		assertThat(post(record)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("id", "publishedAt", "publishedBy");
		then(this.publisher).shouldHaveNoInteractions();
	}

	@Test
	void postWithUnknownFieldsShouldNameThem() {
		Map<String, Object> record = with("sumary", "typo");
		record.put("agenda", List.of());
		MvcTestResult result = post(record);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("sumary", "agenda");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].message")
			.asString()
			.startsWith("is not a field of a record");
	}

	@Test
	void postWithOccurredOnOneYearAheadShouldBeAcceptedAndOneDayMoreRefused() {
		LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusYears(1);
		assertThat(post(with("occurredOn", latest.toString()))).hasStatus(HttpStatus.ACCEPTED);
		assertThat(post(with("occurredOn", latest.plusDays(1).toString()))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.asString()
			.startsWith("must not be more than a year ahead");
	}

	@Test
	void postWithListsAtTheirLimitsShouldBeAcceptedAndOneMoreRefused() {
		Map<String, Object> atLimits = record();
		atLimits.put("documentSymbols", numbered("A/75/", 50));
		atLimits.put("bodies", numbered("Council ", 50));
		atLimits.put("participants", numbered("Delegate ", 200));
		assertThat(post(atLimits)).hasStatus(HttpStatus.ACCEPTED);
		Map<String, Object> overLimits = record();
		overLimits.put("documentSymbols", numbered("A/75/", 51));
		overLimits.put("bodies", numbered("Council ", 51));
		overLimits.put("participants", numbered("Delegate ", 201));
		overLimits.put("topics", numbered("topic-", 51));
		assertThat(post(overLimits)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("documentSymbols", "bodies", "participants", "topics");
	}

	@Test
	void postWithTextsAtTheirLengthLimitsCountingCharactersShouldBeAccepted() {
		Map<String, Object> record = record("🚀".repeat(500));
		record.put("summary", "ж".repeat(5000));
		record.put("body", "b".repeat(100_000));
		assertThat(post(record)).hasStatus(HttpStatus.ACCEPTED);
		Map<String, Object> over = record("🚀".repeat(501));
		over.put("summary", "ж".repeat(5001));
		over.put("body", "b".repeat(100_001));
		assertThat(post(over)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("title", "summary", "body");
	}

	@Test
	void postOverOneMebibyteShouldReturn413() {
		String padding = "x".repeat(1024 * 1024);
		MvcTestResult result = post(with("body", padding));
		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.maxBytes").isEqualTo(1048576);
		then(this.publisher).shouldHaveNoInteractions();
		assertThat(rejected("content-too-large")).isEqualTo(1);
	}

	@Test
	void batchOverSixteenMebibytesShouldReturn413() {
		byte[] body = new byte[16 * 1024 * 1024 + 1];
		java.util.Arrays.fill(body, (byte) ' ');
		body[0] = '[';
		body[body.length - 1] = ']';
		assertThat(this.mvc.post()
			.uri(BATCH)
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		then(this.publisher).shouldHaveNoInteractions();
	}

	@Test
	void postWithUnsupportedContentTypeShouldReturn415Problem() {
		MvcTestResult result = this.mvc.post()
			.uri(RECORDS)
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.TEXT_PLAIN)
			.content(json(record()))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.publisher).shouldHaveNoInteractions();
		assertThat(rejected("unsupported-media-type")).isEqualTo(1);
	}

	@Test
	void postWithMalformedJsonShouldSayWhere() {
		MvcTestResult result = post("{\n  \"kind\": \"MEETING\",\n  \"title\": \"x\"\n  \"summary\": \"y\"\n}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.line").isEqualTo(4);
		assertThat(result).bodyJson().extractingPath("$.column").isNotNull();
		assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("Malformed JSON at line 4");
		assertThat(rejected("malformed-json")).isEqualTo(1);
	}

	@Test
	void batchShouldPublishTheValidItemsAndReportEachItemInOrder() {
		List<Object> items = new ArrayList<>();
		items.add(record("Valid one"));
		items.add(without("title"));
		items.add(with("externalId", "ext-1"));
		items.add("not a record");
		items.add(with("externalId", "ext-1"));
		MvcTestResult result = postBatch(json(items));
		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson()
			.extractingPath("$.items[*].status")
			.asArray()
			.containsExactly("accepted", "rejected", "accepted", "rejected", "rejected");
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.rejected").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.items[1].errors[0].field").isEqualTo("title");
		assertThat(result).bodyJson().extractingPath("$.items[3].errors[0].field").isEqualTo("$");
		assertThat(result).bodyJson()
			.extractingPath("$.items[4].errors[0].message")
			.isEqualTo("repeats the externalId of item 2");
		assertThat(result).bodyJson()
			.extractingPath("$.items[2].id")
			.isEqualTo(new RecordIds().forKey("dev-operator", "ext-1").toString());
		assertThat(publishedEvents()).hasSize(2);
		assertThat(rejected("invalid-record")).isEqualTo(3);
	}

	@Test
	void batchAsNdjsonShouldReportMalformedLinesAndPublishTheOthers() {
		String body = TestRecords.ndjson(List.of(record("One"))) + "{\"title\": oops}\n\n"
				+ TestRecords.ndjson(List.of(record("Three")));
		MvcTestResult result = this.mvc.post()
			.uri(BATCH)
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.content(body)
			.exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson()
			.extractingPath("$.items[*].status")
			.asArray()
			.containsExactly("accepted", "rejected", "accepted");
		assertThat(result).bodyJson().extractingPath("$.items[*].line").asArray().containsExactly(1, 2, 4);
		assertThat(publishedEvents()).extracting(PublishedRecord::title).containsExactly("One", "Three");
	}

	@Test
	void batchOfMoreThanAThousandRecordsShouldReturn413AndPublishNothing() {
		List<Object> items = IntStream.range(0, 1001).mapToObj((i) -> (Object) record()).toList();
		MvcTestResult result = postBatch(json(items));
		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(result).bodyJson().extractingPath("$.maxItems").isEqualTo(1000);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://herald.dev/problems/batch-too-large");
		then(this.publisher).shouldHaveNoInteractions();
	}

	@Test
	void batchOfExactlyAThousandRecordsShouldBeAccepted() {
		List<Object> items = IntStream.range(0, 1000).mapToObj((i) -> (Object) record()).toList();
		assertThat(postBatch(json(items))).hasStatus(HttpStatus.OK)
			.bodyJson()
			.extractingPath("$.accepted")
			.isEqualTo(1000);
	}

	@Test
	void emptyBatchShouldReturn400() {
		assertThat(postBatch("[]")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://herald.dev/problems/invalid-batch");
	}

	@Test
	void batchWithIdempotencyKeyHeaderShouldReturn400() {
		assertThat(this.mvc.post()
			.uri(BATCH)
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.header("Idempotency-Key", "k")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(List.of(record())))).hasStatus(HttpStatus.BAD_REQUEST);
		then(this.publisher).shouldHaveNoInteractions();
	}

	@Test
	void batchWhenKafkaAcknowledgesOnlySomeShouldReturn503ListingWhichWereAccepted() {
		given(this.publisher.publish(anyList())).willReturn(List.of(Delivery.ACKNOWLEDGED,
				Delivery.failed(new org.apache.kafka.common.errors.TimeoutException("expired"))));
		MvcTestResult result = postBatch(json(List.of(record("A"), without("kind"), record("C"))));
		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).containsHeader(HttpHeaders.RETRY_AFTER);
		assertThat(result).bodyJson()
			.extractingPath("$.items[*].status")
			.asArray()
			.containsExactly("accepted", "rejected", "not-published");
		assertThat(result).bodyJson().extractingPath("$.notPublished").isEqualTo(1);
	}

	private MvcTestResult post(Object record, String... headers) {
		var request = this.mvc.post()
			.uri(RECORDS)
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content((record instanceof String text) ? text : json(record));
		for (int i = 0; i < headers.length; i += 2) {
			request = request.header(headers[i], headers[i + 1]);
		}
		return request.exchange();
	}

	private MvcTestResult postBatch(String body) {
		return this.mvc.post()
			.uri(BATCH)
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private List<PublishedRecord> publishedEvents() {
		ArgumentCaptor<List<PublishedRecord>> events = ArgumentCaptor.forClass(List.class);
		then(this.publisher).should(org.mockito.Mockito.atLeastOnce()).publish(events.capture());
		return events.getAllValues().stream().flatMap(List::stream).toList();
	}

	private double rejected(String reason) {
		return rejectedTotal(reason) - this.rejectedBefore.get(reason);
	}

	private double rejectedTotal(String reason) {
		return this.meters.get("herald.ingest.records.rejected").tag("reason", reason).counter().count();
	}

	private static List<String> numbered(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> prefix + i).toList();
	}

}
