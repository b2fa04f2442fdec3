package dev.herald.ingest.record;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link TextRules}.
 */
class TextRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "Meeting of the CSTO Council", "Заседание Совета ОДКБ", "اجتماع مجلس الأمن",
			"<script>alert(1)</script>", "Emoji \uD83D\uDE80 title", "Tab-free \u200F RTL mark" })
	void problemWhenSingleLineTextIsOrdinaryShouldBeNone(String text) {
		assertThat(TextRules.problem(text, false)).isNull();
	}

	static Stream<Arguments> badSingleLines() {
		return Stream.of(arguments("a\nb", "single line"), arguments("a\rb", "single line"),
				arguments("a\u0000b", "single line"), arguments("a\u0085b", "single line"),
				arguments("a\u2028b", "single line"), arguments("a\u202Eb", "bidirectional"),
				arguments("a\u2066b", "bidirectional"), arguments("a\uD800b", "unpaired surrogate"),
				arguments("   ", "blank"), arguments("\u00A0\u3000", "blank"), arguments("\u200B", "blank"),
				arguments("", "blank"));
	}

	@ParameterizedTest
	@MethodSource("badSingleLines")
	void problemWhenSingleLineTextIsBadShouldSayWhy(String text, String expected) {
		assertThat(TextRules.problem(text, false)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Line one\nline two", "Para\r\n\r\nPara", "Col\tCol" })
	void problemWhenPlainTextHasLineBreaksShouldBeNone(String text) {
		assertThat(TextRules.problem(text, true)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "NUL \u0000", "Bell \u0007", "Escape \u001B[31m", "Delete \u007F" })
	void problemWhenPlainTextHasOtherControlCharactersShouldSayWhich(String text) {
		assertThat(TextRules.problem(text, true)).startsWith("must not contain control characters").contains("U+00");
	}

}
