package dev.herald.ingest.topic;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.contracts.topics.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TopicClassifier}, on the contract's taxonomy and examples and on small
 * taxonomies of its own.
 */
class TopicClassifierTests {

	private static final String EXAMPLES = "classpath*:herald/contracts/examples/valid/*.json";

	/** The topics each valid example of the contract gets from its text alone. */
	private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
			Map.entry("meeting-csto-ccc-computer-incidents-2023-11-13.json", List.of("information-security")),
			Map.entry("meeting-csto-ccc-computer-incidents-2023-11-13-ru.json", List.of("information-security")),
			Map.entry("meeting-csto-collective-security-council-2023-11-23.json",
					List.of("collective-security", "regional-security")),
			Map.entry("meeting-csto-collective-security-council-2023-11-23-ru.json",
					List.of("collective-security", "regional-security")),
			Map.entry("meeting-csto-heads-of-state-narrow-format-2023-11-23.json", List.of("collective-security")),
			Map.entry("meeting-csto-heads-of-state-narrow-format-2023-11-23-ru-minimal.json",
					List.of("collective-security")),
			Map.entry("meeting-csto-joint-cfm-cdm-cssc-2023-11-22.json",
					List.of("military-cooperation", "foreign-policy-cooperation", "security-councils")),
			Map.entry("meeting-csto-joint-cfm-cdm-cssc-2023-11-22-ru-with-unknown-field.json",
					List.of("military-cooperation", "foreign-policy-cooperation", "security-councils")),
			Map.entry("statement-csto-foreign-ministers-cooperation-2021-05-19.json",
					List.of("information-security", "peacekeeping", "terrorism-extremism", "drug-trafficking",
							"arms-trafficking", "irregular-migration", "crisis-response", "military-cooperation",
							"regional-security", "foreign-policy-cooperation", "transnational-organized-crime",
							"international-law", "international-partnership", "united-nations")),
			Map.entry("statement-csto-foreign-ministers-cooperation-2021-05-19-ru.json",
					List.of("information-security", "peacekeeping", "terrorism-extremism", "drug-trafficking",
							"arms-trafficking", "irregular-migration", "crisis-response", "military-cooperation",
							"regional-security", "foreign-policy-cooperation", "transnational-organized-crime",
							"international-law", "international-partnership", "united-nations")),
			Map.entry("statement-csto-south-caucasus-stabilization-documents-2023-11-22.json",
					List.of("collective-security", "south-caucasus")));

	private static final JsonMapper json = JsonMapper.builder().build();

	private final TopicClassifier classifier = new TopicClassifier(contractTaxonomy());

	static Stream<Arguments> validExamples() throws IOException {
		return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(EXAMPLES))
			.map((resource) -> Arguments.of(resource.getFilename(), resource));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validExamples")
	void validExampleShouldGetItsExpectedTopics(String name, Resource example) throws IOException {
		JsonNode record = json.readTree(example.getInputStream());
		List<String> topics = this.classifier.topicsFor(List.of(), text(record, "title"), text(record, "summary"),
				text(record, "body"));
		assertThat(EXPECTED).as("expected topics of %s", name).containsKey(name);
		assertThat(topics).containsExactlyElementsOf(EXPECTED.get(name));
		assertThat(record.get("topics").valueStream().map(JsonNode::stringValue))
			.as("topics the example itself declares")
			.containsAll(topics);
	}

	@Test
	void everyValidExampleShouldHaveExpectedTopics() throws IOException {
		List<String> names = validExamples().map((arguments) -> (String) arguments.get()[0]).toList();
		assertThat(names).hasSizeGreaterThanOrEqualTo(8);
		assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(names);
	}

	@Test
	void meetingOnRespondingToComputerIncidentsShouldGetInformationSecurity() {
		assertThat(this.classifier.classify("Consultative Coordination Centre for Responding to Computer Incidents"))
			.containsExactly("information-security");
		assertThat(this.classifier.classify("Координационный центр по вопросам реагирования на компьютерные инциденты"))
			.containsExactly("information-security");
	}

	@Test
	void classifyWhenCaseDiffersShouldMatch() {
		assertThat(this.classifier.classify("CYBERSECURITY EXERCISE")).contains("information-security");
		assertThat(this.classifier.classify("КИБЕРУГРОЗЫ")).contains("information-security");
	}

	@Test
	void classifyWhenKeywordIsInsideAnotherWordShouldNotMatch() {
		assertThat(this.classifier.classify("Transummit talks; МИДовский протокол")).isEmpty();
		assertThat(this.classifier.classify("Отношения МИД и парламента"))
			.containsExactly("foreign-policy-cooperation");
	}

	@Test
	void classifyWhenWordsAreSeparatedByHyphenOrLineBreakShouldMatch() {
		assertThat(this.classifier.classify("the computer-incident team")).containsExactly("information-security");
		assertThat(this.classifier.classify("computer\nincidents")).containsExactly("information-security");
	}

	@Test
	void classifyWhenRussianWordIsInflectedShouldMatch() {
		assertThat(this.classifier.classify("о противодействии нелегальной миграции")).contains("irregular-migration");
		assertThat(this.classifier.classify("миротворческих сил")).contains("peacekeeping");
	}

	@Test
	void topicsForShouldAddOperatorTopicsInTaxonomyOrderWithoutRepeats() {
		List<String> topics = this.classifier.topicsFor(List.of("united-nations", "information-security"),
				"Cyber threats", null, null);
		assertThat(topics).containsExactly("information-security", "united-nations");
	}

	@Test
	void classifyWhenTextWritesYoAsYeOrTheOtherWayShouldMatch() {
		TopicClassifier classifier = new TopicClassifier(Taxonomy
			.of(List.of(new Topic("united", "United", null, null, Map.of("ru", List.of("объединенн* наци*"))),
					new Topic("partner", "Partner", null, null, Map.of("ru", List.of("партнёр*"))))));
		assertThat(classifier.classify("Организация Объединённых Наций")).containsExactly("united");
		assertThat(classifier.classify("статус партнера")).containsExactly("partner");
	}

	@Test
	void classifyWhenTextIsDecomposedUnicodeShouldMatch() {
		TopicClassifier classifier = new TopicClassifier(
				Taxonomy.of(List.of(new Topic("area", "Area", null, null, Map.of("ru", List.of("район*"))))));
		assertThat(classifier.classify("в раи\u0306оне")).containsExactly("area");
		assertThat(classifier.classify("в РАЙОНАХ")).containsExactly("area");
	}

	private static String text(JsonNode record, String field) {
		JsonNode value = record.get(field);
		return (value != null) ? value.stringValue() : null;
	}

	static Taxonomy contractTaxonomy() {
		return Taxonomy.fromContract();
	}

}
