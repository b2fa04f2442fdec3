package dev.herald.contracts;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every valid example conforms to the record schema; every invalid example is rejected
 * for exactly the rule its file name states.
 */
class ContractExamplesTests {

	/**
	 * The one error each invalid example must produce. An invalid example without an
	 * entry here fails, so no example goes untested.
	 */
	private static final Map<String, ExpectedError> EXPECTED_ERRORS = Map.ofEntries(
			entry("missing-title.json", ExpectedError.missing("", "title")),
			entry("missing-published-by.json", ExpectedError.missing("", "publishedBy")),
			entry("unknown-kind.json", ExpectedError.at("/kind", "enum")),
			entry("bad-occurred-on-date.json", ExpectedError.at("/occurredOn", "format")),
			entry("bad-published-at-without-offset.json", ExpectedError.at("/publishedAt", "format")),
			entry("topics-not-an-array.json", ExpectedError.at("/topics", "type")),
			entry("title-too-long.json", ExpectedError.at("/title", "maxLength")),
			entry("blank-title.json", ExpectedError.at("/title", "pattern")),
			entry("crlf-in-title.json", ExpectedError.at("/title", "pattern")),
			entry("nul-in-organization.json", ExpectedError.at("/organization", "pattern")),
			entry("tab-in-bodies-item.json", ExpectedError.at("/bodies/0", "pattern")),
			entry("line-separator-in-title.json", ExpectedError.at("/title", "pattern")),
			entry("bad-topic-slug.json", ExpectedError.at("/topics/1", "pattern")),
			entry("duplicate-topics.json", ExpectedError.at("/topics", "uniqueItems")),
			entry("sourceurl-not-http.json", ExpectedError.at("/sourceUrl", "pattern")),
			entry("sourceurl-javascript-scheme.json", ExpectedError.at("/sourceUrl", "pattern")),
			entry("neither-summary-nor-body.json", ExpectedError.noneOf("summary", "body")),
			entry("bad-id-not-uuid.json", ExpectedError.at("/id", "format")),
			entry("bad-language-tag.json", ExpectedError.at("/language", "pattern")),
			entry("too-many-document-symbols.json", ExpectedError.at("/documentSymbols", "maxItems")),
			entry("place-missing-city.json", ExpectedError.missing("/place", "city")),
			entry("summary-too-long.json", ExpectedError.at("/summary", "maxLength")),
			entry("participants-not-strings.json", ExpectedError.at("/participants/0", "type")));

	private static final Schema SCHEMA = ContractFiles.recordSchema();

	static Stream<Path> validExamples() {
		return ContractFiles.validExamples().stream();
	}

	static Stream<Path> invalidExamples() {
		return ContractFiles.invalidExamples().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validExamples")
	void validateWhenExampleIsValidShouldReportNoError(Path example) {
		List<Error> errors = SCHEMA.validate(ContractFiles.readJson(example));
		assertThat(errors).as("errors of %s", ContractFiles.relative(example)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidExamples")
	void validateWhenExampleIsInvalidShouldReportTheErrorItsNameStates(Path example) {
		String name = example.getFileName().toString();
		assertThat(EXPECTED_ERRORS).as("expected error of %s (add it to EXPECTED_ERRORS)", name).containsKey(name);
		ExpectedError expected = EXPECTED_ERRORS.get(name);
		List<Error> errors = SCHEMA.validate(ContractFiles.readJson(example));
		assertThat(errors).as("errors of %s", name)
			.hasSize(Math.max(1, expected.properties().size()))
			.allSatisfy((error) -> {
				assertThat(error.getInstanceLocation().toString()).as("instance location")
					.isEqualTo(expected.location());
				assertThat(error.getKeyword()).as("keyword").isEqualTo(expected.keyword());
				if (expected.within() != null) {
					assertThat(error.getEvaluationPath().toString()).as("evaluation path")
						.startsWith("/" + expected.within() + "/");
				}
			});
		if (!expected.properties().isEmpty()) {
			assertThat(errors).extracting(Error::getProperty)
				.containsExactlyInAnyOrderElementsOf(expected.properties());
		}
	}

	@Test
	void expectedErrorsWhenListedShouldEachHaveTheirInvalidExample() {
		List<String> names = ContractFiles.invalidExamples().stream().map((p) -> p.getFileName().toString()).toList();
		assertThat(names).containsAll(EXPECTED_ERRORS.keySet());
	}

	@Test
	void examplesWhenCountedShouldMeetTheMinimums() {
		assertThat(ContractFiles.validExamples()).hasSizeGreaterThanOrEqualTo(9);
		assertThat(ContractFiles.invalidExamples()).hasSizeGreaterThanOrEqualTo(12);
	}

	@Test
	void validExamplesShouldCoverBothKindsBothLanguagesAndTheUnDocumentSymbols() {
		List<JsonNode> records = ContractFiles.validExamples().stream().map(ContractFiles::readJson).toList();
		assertThat(records).extracting((r) -> r.get("kind").stringValue()).contains("MEETING", "STATEMENT");
		assertThat(records).extracting((r) -> r.get("language").stringValue()).contains("en", "ru");
		assertThat(records).filteredOn((r) -> "ru".equals(r.get("language").stringValue()))
			.allSatisfy((r) -> assertThat(r.get("title").stringValue()).containsPattern("\\p{IsCyrillic}"));
		assertThat(records).flatExtracting((r) -> r.get("documentSymbols").values())
			.extracting(JsonNode::stringValue)
			.contains("A/75/906", "S/2021/534");
		assertThat(records).anySatisfy((r) -> assertThat(r.has("summary")).isFalse());
		assertThat(records).anySatisfy((r) -> assertThat(r.has("body")).isFalse());
	}

	@Test
	void validExamplesShouldHaveDistinctIds() {
		List<String> ids = ContractFiles.validExamples()
			.stream()
			.map((p) -> ContractFiles.readJson(p).get("id").stringValue())
			.toList();
		assertThat(ids).doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validExamples")
	void validExampleShouldBeNamedByKindAndDateAndPublishedAfterItOccurred(Path example) {
		JsonNode record = ContractFiles.readJson(example);
		LocalDate occurredOn = LocalDate.parse(record.get("occurredOn").stringValue());
		OffsetDateTime publishedAt = OffsetDateTime.parse(record.get("publishedAt").stringValue());
		assertThat(example.getFileName().toString()).startsWith(record.get("kind").stringValue().toLowerCase() + "-")
			.contains(occurredOn.toString());
		assertThat(publishedAt.toLocalDate()).isAfterOrEqualTo(occurredOn);
	}

	@Test
	void schemaShouldDeclareDialectAndId() {
		JsonNode schema = ContractFiles.recordSchemaDocument();
		assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(schema.get("$id").stringValue()).isEqualTo(ContractFiles.SCHEMA_ID);
	}

	@Test
	void schemaExamplesShouldConformToSchema() {
		JsonNode schema = ContractFiles.recordSchemaDocument();
		assertThat(schema.get("examples").values()).isNotEmpty()
			.allSatisfy((example) -> assertThat(SCHEMA.validate(example)).isEmpty());
		ObjectNode base = (ObjectNode) schema.get("examples").get(0);
		schema.get("properties").properties().forEach((property) -> {
			JsonNode examples = property.getValue().get("examples");
			if (examples != null) {
				for (JsonNode value : examples.values()) {
					ObjectNode record = base.deepCopy().set(property.getKey(), value);
					assertThat(SCHEMA.validate(record)).as("example %s of %s", value, property.getKey()).isEmpty();
				}
			}
		});
	}

	@Test
	void schemaShouldConstrainEveryStringAndArray() {
		List<String> unbounded = new java.util.ArrayList<>();
		collectUnbounded(ContractFiles.recordSchemaDocument(), "", unbounded);
		assertThat(unbounded).isEmpty();
	}

	private static void collectUnbounded(JsonNode node, String pointer, List<String> unbounded) {
		if (!node.isObject()) {
			return;
		}
		JsonNode type = node.get("type");
		if (type != null && "string".equals(type.stringValue()) && !node.has("maxLength") && !node.has("enum")) {
			unbounded.add(pointer + " (maxLength)");
		}
		if (type != null && "array".equals(type.stringValue()) && !node.has("maxItems")) {
			unbounded.add(pointer + " (maxItems)");
		}
		node.properties()
			.forEach((entry) -> collectUnbounded(entry.getValue(), pointer + "/" + entry.getKey(), unbounded));
	}

	/**
	 * Where the error is, which keyword raised it, which properties it names (for
	 * {@code required}), and the combining keyword it came from, if any.
	 */
	record ExpectedError(String location, String keyword, List<String> properties, String within) {

		static ExpectedError at(String location, String keyword) {
			return new ExpectedError(location, keyword, List.of(), null);
		}

		static ExpectedError missing(String location, String property) {
			return new ExpectedError(location, "required", List.of(property), null);
		}

		static ExpectedError noneOf(String... properties) {
			return new ExpectedError("", "required", List.of(properties), "anyOf");
		}

	}

}
