package dev.herald.ingest.topic;

import java.util.List;
import java.util.Map;

import dev.herald.contracts.topics.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeywordIndex}.
 */
class KeywordIndexTests {

	@Test
	void tokenizeShouldKeepEachWordWithTheGapBeforeIt() {
		KeywordIndex.Tokens tokens = KeywordIndex.tokenize("cyber-security, u.n. 2021!");
		assertThat(tokens.tokens()).extracting(KeywordIndex.Token::word)
			.containsExactly("cyber", "security", "u", "n", "2021");
		assertThat(tokens.tokens()).extracting(KeywordIndex.Token::gap).containsExactly("", "-", ", ", ".", ". ");
		assertThat(tokens.trailing()).isEqualTo("!");
	}

	@Test
	void matchShouldTreatSpacesAndHyphensAlikeButNotOtherPunctuation() {
		KeywordIndex index = index("peace-keeping", "computer incident*");
		assertThat(index.match("peace keeping forces")).containsExactly("t");
		assertThat(index.match("computer\u00A0incidents")).containsExactly("t");
		assertThat(index.match("a computer. incident")).isEmpty();
	}

	@Test
	void matchWhenKeywordHasPunctuationShouldRequireTheSamePunctuation() {
		KeywordIndex index = index("u.n. charter");
		assertThat(index.match("the u.n. charter")).containsExactly("t");
		assertThat(index.match("the u n charter")).isEmpty();
		assertThat(index.match("the u.n.. charter")).isEmpty();
		assertThat(index.match("the u.n charter")).isEmpty();
		assertThat(index.match("the u.n.charter")).isEmpty();
	}

	@Test
	void matchShouldRequireWholeWordsUnlessTheKeywordEndsWithAStar() {
		KeywordIndex index = index("мид", "кибер*");
		assertThat(index.match("мидовский")).isEmpty();
		assertThat(index.match("кибербезопасность")).containsExactly("t");
		assertThat(index.match("антикибер")).isEmpty();
	}

	@Test
	void matchWhenKeywordIsOnlyAStarShouldIgnoreIt() {
		assertThat(index("*").match("anything at all")).isEmpty();
	}

	private static KeywordIndex index(String... keywords) {
		return new KeywordIndex(List.of(new Topic("t", "T", null, null, Map.of("en", List.of(keywords)))));
	}

}
