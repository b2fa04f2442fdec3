package dev.herald.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CharacterClassExpressions}.
 */
class CharacterClassExpressionsTests {

	@Test
	void parseShouldTakeTheContractsTextRules() {
		assertThat(contractPatterns()).filteredOn((pattern) -> CharacterClassExpressions.parse(pattern) != null)
			.hasSize(4);
	}

	@Test
	void parsedPatternsShouldAnswerAsTheEngineDoesForEveryCharacter() {
		for (String pattern : contractPatterns()) {
			RegularExpression fast = CharacterClassExpressions.parse(pattern);
			if (fast == null) {
				continue;
			}
			RegularExpression engine = JDKRegularExpressionFactory.getInstance().getRegularExpression(pattern);
			for (String text : samples()) {
				assertThat(fast.matches(text)).as("%s on %s", pattern, codePoints(text))
					.isEqualTo(engine.matches(text));
			}
		}
	}

	@Test
	void parseWhenPatternIsMoreThanOneClassShouldLeaveItToTheEngine() {
		assertThat(CharacterClassExpressions.parse("^[a-z0-9]+(-[a-z0-9]+)*$")).isNull();
		assertThat(CharacterClassExpressions.parse("[a-z]+")).isNull();
		assertThat(CharacterClassExpressions.parse("[\\p{L}]")).isNull();
		assertThat(CharacterClassExpressions.parse("[.-]")).isNull();
		assertThat(CharacterClassExpressions.parse("[\\uD800-\\uDFFF]")).isNull();
		assertThat(CharacterClassExpressions.parse("^[a-z]+$")).isNull();
		assertThat(new CharacterClassExpressions().getRegularExpression("^https?://").matches("http://x")).isTrue();
	}

	private static List<String> samples() {
		List<String> samples = new ArrayList<>();
		samples.add("");
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			samples.add(String.valueOf((char) c));
			samples.add("ab" + (char) c + "cd");
			samples.add(" " + (char) c);
		}
		samples.add(new String(Character.toChars(0x1F600)));
		samples.add("\uD83D");
		samples.add("a\uDE00b");
		samples.add(" " + new String(Character.toChars(0x10000)) + " ");
		samples.add("Meeting of the Council\u00A0on 22 November");
		samples.add("\t \n\r");
		return samples;
	}

	private static List<String> contractPatterns() {
		try (InputStream in = RecordContract.class.getClassLoader().getResourceAsStream(RecordContract.SCHEMA)) {
			List<String> patterns = new ArrayList<>();
			collect(JsonMapper.builder().build().readTree(in), patterns);
			return patterns;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(JsonNode node, List<String> patterns) {
		if (node.isObject() && node.has("pattern") && node.get("pattern").isString()) {
			patterns.add(node.get("pattern").stringValue());
		}
		node.forEach((child) -> collect(child, patterns));
	}

	private static String codePoints(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach((c) -> out.append(String.format("U+%04X ", c)));
		return out.toString();
	}

}
