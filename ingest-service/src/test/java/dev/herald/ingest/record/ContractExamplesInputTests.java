package dev.herald.ingest.record;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.herald.ingest.record.TestRecords.BEARER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The contract's examples as operators would post them (the record's own fields, without
 * those the service assigns): the valid ones are accepted with at least their topics, and
 * every invalid one that is wrong in an operator's field is refused.
 */
@WebMvcTest(RecordController.class)
@Import(RecordSliceConfiguration.class)
class ContractExamplesInputTests {

	/** The record's own fields; the examples are events and carry more. */
	private static final Set<String> FIELDS = Set.of("kind", "title", "summary", "body", "occurredOn", "place",
			"organization", "bodies", "participants", "documentSymbols", "topics", "language", "sourceUrl");

	/** Invalid examples that are wrong only in fields the service assigns itself. */
	private static final Set<String> WRONG_IN_SERVER_FIELDS = Set.of("bad-id-not-uuid.json",
			"bad-published-at-without-offset.json", "missing-published-by.json");

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RecordPublisher publisher;

	@BeforeEach
	void acknowledgeEverything() {
		given(this.publisher.publish(anyList())).willAnswer(
				(invocation) -> Collections.nCopies(invocation.<List<?>>getArgument(0).size(), Delivery.ACKNOWLEDGED));
	}

	static Stream<Arguments> validExamples() throws IOException {
		return examples("valid");
	}

	static Stream<Arguments> invalidExamples() throws IOException {
		return examples("invalid").filter((arguments) -> !WRONG_IN_SERVER_FIELDS.contains(arguments.get()[0]));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validExamples")
	@SuppressWarnings("unchecked")
	void validExampleShouldBeAcceptedWithItsTopics(String name, Map<String, Object> example) {
		assertThat(post(example)).hasStatus(HttpStatus.ACCEPTED);
		org.mockito.ArgumentCaptor<List<PublishedRecord>> events = org.mockito.ArgumentCaptor.forClass(List.class);
		then(this.publisher).should().publish(events.capture());
		assertThat(events.getValue().get(0).topics()).containsAll((List<String>) example.get("topics"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidExamples")
	void invalidExampleShouldBeRefused(String name, Map<String, Object> example) {
		assertThat(post(example)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.publisher).shouldHaveNoInteractions();
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult post(Map<String, Object> record) {
		return this.mvc.post()
			.uri("/api/v1/records")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestRecords.json(record))
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private static Stream<Arguments> examples(String kind) throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:herald/contracts/examples/" + kind + "/*.json");
		assertThat(resources).isNotEmpty();
		return Arrays.stream(resources).map((resource) -> {
			try (InputStream in = resource.getInputStream()) {
				Map<String, Object> record = mapper.readValue(in, LinkedHashMap.class);
				record.keySet().retainAll(FIELDS);
				return Arguments.of(resource.getFilename(), record);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
