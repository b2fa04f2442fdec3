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
			.contains("The value of “From” cannot be used.")
			.doesNotContain("<script>");
		assertThat(this.mvc.get().uri("/records?from=someday").header("Accept-Language", "ru")).hasStatus(400)
			.bodyText()
			.contains("Значение поля «С» нельзя использовать.");
	}

	@Test
	void pagesShouldFollowAcceptLanguageThenEnglish() {
		RecordDocument record = TestDocuments.meeting("Title", "2023-11-22");
		given(this.search.findById(record.id())).willReturn(Optional.of(record));
		given(this.search.find(any())).willReturn(new RecordSlice(List.of(record), null));
		assertThat(this.mvc.get().uri("/records/" + record.id()).header("Accept-Language", "ru-RU,ru;q=0.9"))
			.hasStatusOk()
			.bodyText()
			.contains("<html lang=\"ru\"", "22 ноября 2023", "Заседание", "Организация", "Все записи")
			.doesNotContain("All records", "November");
		assertThat(this.mvc.get().uri("/records").header("Accept-Language", "ru")).hasStatusOk()
			.bodyText()
			.contains("<html lang=\"ru\"", "Поиск записей", "Региональная безопасность", "22 ноября 2023");
		assertThat(this.mvc.get().uri("/records").header("Accept-Language", "de")).hasStatusOk()
			.bodyText()
			.contains("<html lang=\"en\"", "Regional security", "22 November 2023");
		given(this.search.findById("missing")).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/records/missing").header("Accept-Language", "ru")).hasStatus(404)
			.bodyText()
			.contains("Запись не найдена");
	}

	@Test
	void languageSwitchShouldBeRememberedAndKeepTheSearch() {
		given(this.search.find(any())).willReturn(new RecordSlice(List.of(), null));
		assertThat(this.mvc.get().uri("/records?q=peace")).hasStatusOk()
			.bodyText()
			.contains("href=\"/records?q=peace&amp;locale=ru\"");
		// lang is the search's filter of the records' language, never the page's.
		assertThat(this.mvc.get().uri("/records?q=peace&lang=ru").header("Accept-Language", "en")).hasStatusOk()
			.bodyText()
			.contains("<html lang=\"en\"");
		var switched = this.mvc.get().uri("/records?q=peace&locale=ru").header("Accept-Language", "en").exchange();
		assertThat(switched).hasStatusOk().bodyText().contains("<html lang=\"ru\"", "Результаты");
		String chosen = switched.getResponse().getCookie("herald-lang").getValue();
		assertThat(this.mvc.get()
			.uri("/records")
			.header("Accept-Language", "en")
			.cookie(new jakarta.servlet.http.Cookie("herald-lang", chosen))).bodyText().contains("<html lang=\"ru\"");
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
