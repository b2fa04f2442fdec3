package dev.herald.catalog.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.herald.catalog.TestDocuments;
import dev.herald.catalog.WebSliceConfiguration;
import dev.herald.catalog.record.Cursor;
import dev.herald.catalog.record.RecordDocument;
import dev.herald.catalog.record.RecordSearch;
import dev.herald.catalog.record.RecordSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

@WebMvcTest(RecordPages.class)
@Import(WebSliceConfiguration.class)
class RecordPagesTests {

	private static final String SCRIPT = "<script>alert('x')</script>";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RecordSearch search;

	@Test
	void recordPageShouldEscapeEveryField() {
		RecordDocument record = hostile();
		given(this.search.findById(record.id())).willReturn(Optional.of(record));
		assertThat(this.mvc.get().uri("/records/" + record.id())).hasStatusOk()
			.bodyText()
			.doesNotContain("<script>", "<img", "javascript:")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.contains("lang=\"ru\"")
			.contains("href=\"/records?topic=regional-security\">Regional security</a>")
			.contains("&lt;b&gt;unknown&lt;/b&gt;</a>")
			.contains("href=\"/records?symbol=A/75/906\"");
	}

	@Test
	void recordPageShouldShowEveryParagraphOfTheBody() {
		RecordDocument record = TestDocuments.meeting("Title", "2023-11-22");
		RecordDocument withBody = new RecordDocument(record.id(), record.kind(), record.title(), null,
				"First paragraph.\n\nSecond paragraph.", record.occurredOn(), null, record.organization(), List.of(),
				List.of("Alexander Lukashenko"), List.of(), List.of(), "en", null, record.publishedAt(),
				record.publishedBy(), List.of(), Instant.now());
		given(this.search.findById(record.id())).willReturn(Optional.of(withBody));
		assertThat(this.mvc.get().uri("/records/" + record.id())).hasStatusOk()
			.bodyText()
			.contains(">First paragraph.</p>", ">Second paragraph.</p>", "Alexander Lukashenko", "22 November 2023");
	}

	@Test
	void recordPageWhenUnknownShouldAnswer404Page() {
		given(this.search.findById(any())).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/records/" + UUID.randomUUID())).hasStatus(404)
			.bodyText()
			.contains("Record not found");
	}

	@Test
	void listingShouldEscapeTitlesAndLinkTheNextPage() {
		RecordDocument record = hostile();
		given(this.search.find(any())).willReturn(new RecordSlice(List.of(record), Cursor.after(record)));
		assertThat(this.mvc.get().uri("/records?q=%3Cscript%3E&topic=regional-security")).hasStatusOk()
			.bodyText()
			.doesNotContain("<script>")
			.contains("&lt;script&gt;")
			.contains("rel=\"next\"")
			.contains("cursor=" + Cursor.after(record).encode())
			.contains("value=\"regional-security\" checked");
	}

	@Test
	void listingWhenParameterIsWrongShouldAnswer400PageNamingIt() {
		assertThat(this.mvc.get().uri("/records?from=2023-12-01&to=2023-11-01&q=%3Cscript%3E")).hasStatus(400)
			.bodyText()
			.contains("role=\"alert\"")
			.contains("Parameter &#39;from&#39;")
			.doesNotContain("<script>");
	}

	@Test
	void homeShouldRedirectToTheListing() {
		assertThat(this.mvc.get().uri("/")).hasStatus3xxRedirection().hasRedirectedUrl("/records");
	}

	private static RecordDocument hostile() {
		return new RecordDocument(UUID.randomUUID().toString(), "STATEMENT", SCRIPT, SCRIPT + " summary",
				"<img src=x onerror=alert(1)> body", "2023-11-22", new RecordDocument.Place(SCRIPT, SCRIPT), SCRIPT,
				List.of(SCRIPT), List.of(SCRIPT), List.of("A/75/906"), List.of("regional-security", "<b>unknown</b>"),
				"ru", "javascript:alert(1)", RecordDocument.revision(Instant.parse("2023-11-22T15:31:07Z")), SCRIPT,
				List.of(), Instant.now());
	}

}
