package dev.herald.contracts.text;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalyzerTests {

	private final TextAnalyzer analyzer = new TextAnalyzer();

	@Test
	void recordTermsWhenEnglishShouldStemAndDropStopWords() {
		List<String> terms = this.analyzer.recordTerms("en", List.of("The Meetings of the Councils"), List.of());
		assertThat(terms).containsExactly("council", "meet");
	}

	@Test
	void recordTermsWhenRussianShouldStemCyrillicWords() {
		List<String> terms = this.analyzer.recordTerms("ru", List.of("Вопросы безопасности в Минске"), List.of());
		assertThat(terms).contains("безопасн", "минск", "вопрос").doesNotContain("в");
	}

	@Test
	void queryWordInOtherFormShouldMatchRecordTerm() {
		List<String> english = this.analyzer.recordTerms("en", List.of("A meeting was held"), List.of());
		List<String> russian = this.analyzer.recordTerms("ru-RU", List.of("Информационная безопасность"), List.of());
		assertThat(this.analyzer.queryTerms("MEETINGS").get(0)).containsAnyElementsOf(english);
		assertThat(this.analyzer.queryTerms("безопасности").get(0)).containsAnyElementsOf(russian);
		assertThat(this.analyzer.queryTerms("Безопасности").get(0)).containsAnyElementsOf(russian);
	}

	@Test
	void accentsAndYoShouldBeFolded() {
		List<String> terms = this.analyzer.recordTerms("fr", List.of("Réunion à Genève"), List.of());
		assertThat(terms).contains("reunion", "geneve");
		assertThat(this.analyzer.recordTerms("ru", List.of("ещё"), List.of()))
			.isEqualTo(this.analyzer.recordTerms("ru", List.of("еще"), List.of()));
		assertThat(this.analyzer.queryTerms("REUNION").get(0)).containsAnyElementsOf(terms);
	}

	@Test
	void fullWidthAndCompatibilityCharactersShouldBeNormalized() {
		assertThat(this.analyzer.recordTerms("en", List.of("ｍｅｅｔｉｎｇ"), List.of())).containsExactly("meet");
	}

	@Test
	void documentSymbolsShouldBeStoredWholeAndMatchedWhole() {
		List<String> terms = this.analyzer.recordTerms("en", List.of(), List.of("A/75/906", "S/2021/534"));
		assertThat(terms).contains("a/75/906", "s/2021/534");
		assertThat(this.analyzer.queryTerms("A/75/906")).containsExactly(Set.of("a/75/906"));
		assertThat(this.analyzer.queryTerms("\"s/2021/534\",")).containsExactly(Set.of("s/2021/534"));
	}

	@Test
	void queryTermsShouldKeepOneEntryPerWordAndDropStopWords() {
		List<Set<String>> words = this.analyzer.queryTerms("  the information   security of ");
		assertThat(words).hasSize(2);
		assertThat(words.get(0)).contains("inform", "information");
		assertThat(this.analyzer.queryTerms("the of and")).isEmpty();
	}

	@Test
	void hostileInputShouldGiveOnlyPlainTerms() {
		List<Set<String>> words = this.analyzer.queryTerms("{\"$where\": \"sleep(1000)\"} .* ^$ \u0000 <script>");
		assertThat(words).allSatisfy((word) -> assertThat(word)
			.allSatisfy((term) -> assertThat(term).doesNotContain("$", "{", "<", "\u0000", "*", "^")));
	}

	@Test
	void nullTextsShouldBeIgnored() {
		List<String> texts = new java.util.ArrayList<>();
		texts.add(null);
		texts.add("Summit");
		assertThat(this.analyzer.recordTerms(null, texts, List.of())).containsExactly("summit");
	}

}
