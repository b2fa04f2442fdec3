package dev.herald.notify.search;

import java.io.IOException;
import java.util.List;

import dev.herald.contracts.text.TextAnalyzer;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Saved searches match records as the catalog's search would (word forms in English and
 * Russian, phrases, OR, NOT, kind, organization, symbol prefix), through Lucene's monitor
 * as notify matches them; anything but words, phrases and operators is refused.
 */
class SearchSyntaxTests {

	private final TextAnalyzer analyzer = new TextAnalyzer();

	private final SearchSyntax syntax = new SearchSyntax(this.analyzer);

	@Test
	void englishWordsShouldMatchTheirOtherForms() throws IOException {
		assertThat(matches("meeting ministers", "en", "Meetings of the defence ministers")).isTrue();
		assertThat(matches("meeting ministers", "en", "Meetings of the heads of state")).isFalse();
	}

	@Test
	void russianPhraseShouldMatchItsInflectedForms() throws IOException {
		assertThat(matches("\"информационная безопасность\"", "ru",
				"Об обеспечении информационной безопасности государств-членов"))
			.isTrue();
		assertThat(matches("информационная безопасность", "ru", "О безопасности информационных систем")).isTrue();
		assertThat(matches("\"информационная безопасность\"", "ru", "О безопасности информационных систем"))
			.as("a phrase keeps its word order")
			.isFalse();
		assertThat(matches("Ёлка", "ru", "Новогодняя елка")).isTrue();
	}

	@Test
	void orNotAndShouldCombine() throws IOException {
		String search = "peacekeeping OR миротворцы NOT exercise";
		assertThat(matches(search, "en", "Peacekeeping forces deployed")).isTrue();
		assertThat(matches(search, "ru", "Миротворцы ОДКБ")).isTrue();
		assertThat(matches(search, "en", "Peacekeeping exercises held")).isFalse();
		assertThat(matches("terrorism AND financing", "en", "Countering the financing of terrorism")).isTrue();
		assertThat(matches("terrorism AND financing", "en", "Countering terrorism")).isFalse();
	}

	@Test
	void filtersShouldLimitTheRecords() throws IOException {
		SavedSearch symbolPrefix = new SavedSearch("security", "STATEMENT", "csto", "A/75/*");
		assertThat(matches(symbolPrefix, "Statement on security", "STATEMENT", "CSTO", List.of("A/75/906"))).isTrue();
		assertThat(matches(symbolPrefix, "Statement on security", "STATEMENT", "CSTO", List.of("A/76/12"))).isFalse();
		assertThat(matches(symbolPrefix, "Statement on security", "MEETING", "CSTO", List.of("A/75/906"))).isFalse();
		assertThat(matches(symbolPrefix, "Statement on security", "STATEMENT", "SCO", List.of("A/75/906"))).isFalse();
		SavedSearch exact = new SavedSearch("security", null, null, "A/75/906");
		assertThat(matches(exact, "Security", "MEETING", "CSTO", List.of("A/75/906"))).isTrue();
		assertThat(matches(exact, "Security", "MEETING", "CSTO", List.of("A/75/9061"))).isFalse();
		assertThat(matches(new SavedSearch("A/75/906", null, null, null), "Letter", "MEETING", "CSTO",
				List.of("A/75/906")))
			.as("a symbol typed as a word is looked up whole")
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"unbalanced", "peace \"keeping", "/.*(a|b)+$/", "secur*", "peace~2", "title:peace",
			"(peace OR war)", "peace\u0000", "peace\r\nBcc: x@example.org", "a\u202Eb", "NOT peace", "OR peace",
			"peace OR", "peace AND", "AND peace", "peace OR NOT war", "the and of", "\"\"", "   ", "peace && war",
			"[a TO z]" })
	void hostileOrMeaninglessSearchesShouldBeRefused(String query) {
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> this.syntax.check(new SavedSearch(query, null, null, null)));
	}

	@Test
	void tooLongSearchesShouldBeRefused() {
		String thousandTerms = "word ".repeat(1000);
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> this.syntax.check(new SavedSearch(thousandTerms, null, null, null)))
			.withMessageContaining("at most");
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> this.syntax.check(new SavedSearch("a".repeat(301), null, null, null)));
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> this.syntax.check(new SavedSearch("peace", "HOURLY", null, null)));
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> this.syntax.check(new SavedSearch("peace", null, null, "A/75/.*(x)+")));
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> this.syntax.check(new SavedSearch("peace", null, "CSTO\r\n", null)));
	}

	private boolean matches(String query, String language, String title) throws IOException {
		return matches(new SavedSearch(query, null, null, null), language, title, "MEETING", "CSTO", List.of());
	}

	private boolean matches(SavedSearch search, String title, String kind, String organization, List<String> symbols)
			throws IOException {
		return matches(search, "en", title, kind, organization, symbols);
	}

	private boolean matches(SavedSearch search, String language, String title, String kind, String organization,
			List<String> symbols) throws IOException {
		try (Monitor monitor = new Monitor(SearchDocument.analyzer())) {
			monitor.register(new MonitorQuery("q", this.syntax.query(search)));
			return monitor
				.match(SearchDocument.of(this.analyzer, language, kind, organization, List.of(title), symbols),
						QueryMatch.SIMPLE_MATCHER)
				.getMatchCount() == 1;
		}
	}

}
