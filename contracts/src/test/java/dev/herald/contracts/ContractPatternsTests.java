package dev.herald.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every pattern of the contract files runs in time linear in the text: a crafted string
 * of a megabyte (the most a Kafka message holds) is judged at once, where a backtracking
 * engine takes hours or overflows its stack. The bound of a second is a safety net
 * hundreds of times above the linear cost, not a speed measurement.
 */
class ContractPatternsTests {

	private static final int MEGABYTE = 1 << 20;

	private static final Duration AT_ONCE = Duration.ofSeconds(1);

	/** Repeated to a megabyte: what each kind of pattern loops over. */
	private static final List<String> PUMPS = List.of("a", "A", "1", "-", "a-", "aaaaa-", "1abc-", "a/", " ");

	/** What ends the text: what makes a backtracking engine try every split before. */
	private static final List<String> ENDINGS = List.of("\u0001", "!", "-");

	private static final List<String> PREFIXES = List.of("", "en-", "http://");

	private static final Set<String> CRAFTED = crafted();

	@Test
	void everyPatternShouldJudgeACraftedMegabyteAtOnce() {
		List<String> patterns = patterns();
		assertThat(patterns).as("patterns of the schema and the AsyncAPI document").hasSizeGreaterThanOrEqualTo(8);
		CharacterClassExpressions expressions = new CharacterClassExpressions();
		int texts = 0;
		for (String pattern : patterns) {
			RegularExpression expression = expressions.getRegularExpression(pattern);
			long worst = 0;
			for (String text : CRAFTED) {
				long started = System.nanoTime();
				assertTimeoutPreemptively(AT_ONCE, () -> expression.matches(text),
						() -> pattern + " on a crafted text of " + text.length() + " characters");
				worst = Math.max(worst, System.nanoTime() - started);
				texts++;
			}
			System.out.printf("contract pattern %s: worst of %d crafted megabytes %d ms%n", pattern, crafted().size(),
					worst / 1_000_000);
		}
		assertThat(texts).isGreaterThanOrEqualTo(patterns.size() * PUMPS.size());
	}

	@Test
	void theJdkEngineShouldBeWhatTheContractNoLongerRisks() {
		// The reason for the linear engine: the JDK's recursion on a repeated group.
		String slug = "^[a-z0-9]+(-[a-z0-9]+)*$";
		String crafted = "a-".repeat(MEGABYTE / 2) + "!";
		RegularExpression jdk = JDKRegularExpressionFactory.getInstance().getRegularExpression(slug);
		assertThatExceptionOfType(StackOverflowError.class).isThrownBy(() -> jdk.matches(crafted));
		assertThat(new CharacterClassExpressions().getRegularExpression(slug).matches(crafted)).isFalse();
	}

	@Test
	void aRecordWithACraftedMegabyteInEveryPatternedFieldShouldBeRefusedAtOnce() {
		RecordContract contract = new RecordContract();
		ObjectNode record = (ObjectNode) ContractFiles.readJson(ContractFiles.validExamples().get(0));
		String crafted = "a-".repeat(MEGABYTE / 8) + "\u0001";
		record.put("language", crafted);
		record.putArray("topics").add(crafted);
		record.putArray("documentSymbols").add("A" + crafted);
		record.put("sourceUrl", "https://" + crafted);
		record.put("title", crafted);
		byte[] value = record.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

		assertTimeoutPreemptively(AT_ONCE,
				() -> assertThatExceptionOfType(ContractViolation.class).isThrownBy(() -> contract.read(value)));
	}

	@Test
	void theLinearEngineShouldAnswerAsTheJdkEngineForEveryContractPattern() {
		for (String pattern : patterns()) {
			RegularExpression linear = CharacterClassExpressions.linear(pattern);
			RegularExpression jdk = JDKRegularExpressionFactory.getInstance().getRegularExpression(pattern);
			for (String text : samples()) {
				assertThat(linear.matches(text)).as("%s on \"%s\"", pattern, text).isEqualTo(jdk.matches(text));
			}
		}
	}

	private static List<String> samples() {
		List<String> samples = new ArrayList<>(List.of("", "en", "en-GB", "zh-Hant-TW", "sr-Latn-RS-1996", "de-CH-1901",
				"x", "english", "en-", "-en", "en--GB", "A/75/251", "S/RES/2719 (2023)", "a", "collective-security",
				"a--b", "-a", "a-", "http://x.org/a?b=c", "https://herald.dev/records/1", "http://", "ftp://x",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
				"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
		for (int c = 0; c < 0x3000; c++) {
			String character = String.valueOf((char) c);
			samples.add("en" + character);
			samples.add("a-" + character + "b");
			samples.add("http://a" + character);
			samples.add(character + "A/1");
		}
		return samples;
	}

	private static Set<String> crafted() {
		Set<String> texts = new LinkedHashSet<>();
		for (String prefix : PREFIXES) {
			for (String pump : PUMPS) {
				String body = prefix + pump.repeat((MEGABYTE - prefix.length()) / pump.length() - 1);
				for (String ending : ENDINGS) {
					texts.add(body + ending);
				}
			}
		}
		return texts;
	}

	private static List<String> patterns() {
		List<String> patterns = new ArrayList<>();
		collect(ContractFiles.readJson(ContractFiles.path(ContractFiles.SCHEMA)), patterns);
		collect(ContractFiles.readYaml(ContractFiles.path(ContractFiles.ASYNCAPI)), patterns);
		return patterns.stream().distinct().toList();
	}

	private static void collect(JsonNode node, List<String> patterns) {
		if (node.isObject() && node.has("pattern") && node.get("pattern").isString()) {
			patterns.add(node.get("pattern").stringValue());
		}
		node.forEach((child) -> collect(child, patterns));
	}

}
