package dev.herald.catalog.record;

import java.util.List;
import java.util.Optional;

import dev.herald.catalog.TestDocuments;
import dev.herald.catalog.WebSliceConfiguration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

@WebMvcTest(RecordController.class)
@Import(WebSliceConfiguration.class)
class RecordControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RecordSearch search;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "topic=no-such-topic|topic", "topic=information-security&topic=x|topic",
			"from=2023-12-01&to=2023-11-01|from", "from=2023-11-31|from", "to=tomorrow|to", "size=0|size",
			"size=1000|size", "size=abc|size", "cursor=bm9wZQ|cursor", "cursor=%F0%9F%92%A9|cursor", "kind=SPEECH|kind",
			"lang=%24ne|lang", "symbol=A%2F75%2F906%20%7C%7C%201|symbol",
			"q=" + "x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x"
					+ "%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x%20x|q" })
	void listWhenParameterIsWrongShouldAnswer400ProblemNamingIt(String query, String parameter) {
		assertThat(this.mvc.get().uri("/api/v1/records?" + query)).hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.parameter", (value) -> assertThat(value).isEqualTo(parameter))
			.hasPathSatisfying("$.detail", (value) -> assertThat(value).asString().contains("'" + parameter + "'"));
		then(this.search).should(never()).find(any());
	}

	@Test
	void aQueryMongoDbStoppedAtTheTimeLimitShouldAnswer503ProblemToRetry() {
		given(this.search.find(any())).willThrow(
				new org.springframework.data.mongodb.UncategorizedMongoDbException("operation exceeded time limit",
						new com.mongodb.MongoExecutionTimeoutException(50, "operation exceeded time limit")));

		assertThat(this.mvc.get().uri("/api/v1/records?q=peacekeeping")).hasStatus(503)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.RETRY_AFTER, "5")
			.bodyJson()
			.hasPathSatisfying("$.detail", (value) -> assertThat(value).asString().contains("longer than"));
	}

	@Test
	void aSearchRefusedForWantOfPlaceShouldAnswer503ProblemToRetry() {
		given(this.search.find(any())).willThrow(new SearchesBusyException());

		assertThat(this.mvc.get().uri("/api/v1/records?kind=MEETING")).hasStatus(503)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.RETRY_AFTER, "2");
	}

	@Test
	void listShouldAnswerThePageWithANextLinkKeepingTheFilters() {
		RecordDocument first = TestDocuments.meeting("First", "2023-11-22");
		RecordDocument second = TestDocuments.meeting("Second", "2023-11-21");
		given(this.search.find(any())).willReturn(new RecordSlice(List.of(first, second), Cursor.after(second)));
		assertThat(this.mvc.get().uri("/api/v1/records?topic=regional-security&size=2")).hasStatusOk()
			.hasHeader(HttpHeaders.LINK,
					"<http://localhost:8082/api/v1/records?topic=regional-security&size=2&cursor="
							+ Cursor.after(second).encode() + ">; rel=\"next\"")
			.bodyJson()
			.hasPathSatisfying("$.items[0].title", (title) -> assertThat(title).isEqualTo("First"))
			.hasPathSatisfying("$.items[0].links.html",
					(link) -> assertThat(link).isEqualTo("http://localhost:8082/records/" + first.id()))
			.hasPathSatisfying("$.items[0].publishedAt",
					(value) -> assertThat(value).isEqualTo("2023-11-22T15:31:07.123456Z"))
			.hasPathSatisfying("$.next", (next) -> assertThat(next).asString().contains("cursor="));
	}

	@Test
	void aPageInTheMiddleShouldLinkBothWays() {
		RecordDocument first = TestDocuments.meeting("First", "2023-11-22");
		RecordDocument second = TestDocuments.meeting("Second", "2023-11-21");
		given(this.search.find(any()))
			.willReturn(new RecordSlice(List.of(first, second), Cursor.after(second), Cursor.before(first)));
		String base = "http://localhost:8082/api/v1/records?size=2&cursor=";
		assertThat(this.mvc.get().uri("/api/v1/records?size=2&cursor=" + Cursor.after(first).encode())).hasStatusOk()
			.hasHeader(HttpHeaders.LINK,
					"<" + base + Cursor.after(second).encode() + ">; rel=\"next\", <" + base
							+ Cursor.before(first).encode() + ">; rel=\"prev\"")
			.bodyJson()
			.hasPathSatisfying("$.previous",
					(previous) -> assertThat(previous).isEqualTo(base + Cursor.before(first).encode()));
	}

	@Test
	void listWhenLastPageShouldHaveNoNextLink() {
		given(this.search.find(any())).willReturn(new RecordSlice(List.of(), null));
		assertThat(this.mvc.get().uri("/api/v1/records")).hasStatusOk()
			.doesNotContainHeader(HttpHeaders.LINK)
			.bodyJson()
			.hasPathSatisfying("$.items",
					(items) -> assertThat(items).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty())
			.hasPathSatisfying("$.size", (size) -> assertThat(size).isEqualTo(20));
	}

	@Test
	void getWhenRecordIsUnknownShouldAnswer404Problem() {
		given(this.search.findById("nope")).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/api/v1/records/nope")).hasStatus(404)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.detail", (detail) -> assertThat(detail).asString().contains("nope"));
	}

	@Test
	void getShouldLeaveOutAbsentOptionalFields() {
		RecordDocument record = TestDocuments.meeting("Title", "2023-11-22");
		given(this.search.findById(record.id())).willReturn(Optional.of(record));
		assertThat(this.mvc.get().uri("/api/v1/records/" + record.id())).hasStatusOk()
			.bodyJson()
			.doesNotHavePath("$.body")
			.doesNotHavePath("$.participants")
			.doesNotHavePath("$.terms")
			.hasPathSatisfying("$.occurredOn", (date) -> assertThat(date).isEqualTo("2023-11-22"));
	}

}
