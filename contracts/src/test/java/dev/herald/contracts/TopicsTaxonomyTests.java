package dev.herald.contracts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topic taxonomy parses, is well formed, and agrees with the examples.
 */
class TopicsTaxonomyTests {

	private static final Pattern KEYWORD = Pattern
		.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*\\*?( [\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*\\*?)*");

	private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

	/**
	 * Words found in nearly every record: a rule made of one of them alone matches
	 * everything.
	 */
	private static final Set<String> TOO_GENERIC = Set.of("security", "secur*", "cooperation", "cooperat*", "csto",
			"council*", "council", "meeting*", "minister*", "state*", "organization*", "international", "безопасност*",
			"сотрудничеств*", "одкб", "совет*", "заседани*", "министр*", "государств*", "организаци*", "международн*");

	private static final List<JsonNode> TOPICS = ContractFiles.readYaml(ContractFiles.path(ContractFiles.TOPICS))
		.get("topics")
		.values()
		.stream()
		.toList();

	@Test
	void topicsShouldParseAndNumberAtLeastFourteen() {
		assertThat(TOPICS).hasSizeGreaterThanOrEqualTo(14);
	}

	@Test
	void slugsShouldBeUniqueAndMatchTheSchemaSlugPattern() {
		String schemaPattern = ContractFiles.recordSchemaDocument()
			.at("/properties/topics/items/pattern")
			.stringValue();
		assertThat(slugs()).doesNotHaveDuplicates().allMatch((slug) -> slug.matches(schemaPattern));
	}

	@Test
	void everyTopicShouldHaveLabelDescriptionAndKeywordsInEnglishAndRussian() {
		assertThat(TOPICS).allSatisfy((topic) -> {
			assertThat(topic.path("label").stringValue("")).as("label of %s", slug(topic)).isNotBlank();
			assertThat(topic.path("description").stringValue("")).as("description of %s", slug(topic))
				.isNotBlank()
				.doesNotContain("\n");
			assertThat(keywords(topic, "en")).as("en keywords of %s", slug(topic)).isNotEmpty();
			assertThat(keywords(topic, "ru")).as("ru keywords of %s", slug(topic)).isNotEmpty();
		});
	}

	@Test
	void keywordsShouldBeWellFormedAndInTheirLanguage() {
		assertThat(TOPICS).allSatisfy((topic) -> {
			assertThat(keywords(topic, "en")).as("en keywords of %s", slug(topic))
				.doesNotHaveDuplicates()
				.allMatch((keyword) -> KEYWORD.matcher(keyword).matches())
				.noneMatch((keyword) -> CYRILLIC.matcher(keyword).find());
			assertThat(keywords(topic, "ru")).as("ru keywords of %s", slug(topic))
				.doesNotHaveDuplicates()
				.allMatch((keyword) -> KEYWORD.matcher(keyword).matches())
				.allMatch((keyword) -> CYRILLIC.matcher(keyword).find());
		});
	}

	@Test
	void keywordsShouldBeSpecificEnoughNotToMatchEverything() {
		List<String> all = TOPICS.stream()
			.flatMap((topic) -> Stream.concat(keywords(topic, "en").stream(), keywords(topic, "ru").stream()))
			.toList();
		assertThat(all).noneMatch((keyword) -> TOO_GENERIC.contains(keyword.toLowerCase(Locale.ROOT)));
		assertThat(all).filteredOn((keyword) -> !keyword.contains(" ") && keyword.endsWith("*"))
			.allSatisfy((stem) -> assertThat(stem).as("single-word stem").hasSizeGreaterThanOrEqualTo(6));
	}

	@Test
	void everyTopicUsedByAValidExampleShouldExistInTheTaxonomy() {
		Set<String> used = ContractFiles.validExamples()
			.stream()
			.flatMap((example) -> ContractFiles.readJson(example).get("topics").values().stream())
			.map(JsonNode::stringValue)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		assertThat(used).isNotEmpty();
		assertThat(slugs()).containsAll(used);
	}

	@Test
	void validExampleShouldCarryEveryTopicItsTextMatches() {
		assertThat(ContractFiles.validExamples()).allSatisfy((example) -> {
			JsonNode record = ContractFiles.readJson(example);
			Set<String> topics = record.get("topics")
				.values()
				.stream()
				.map(JsonNode::stringValue)
				.collect(Collectors.toSet());
			assertThat(matchingTopics(text(record))).as("topics matched by %s", ContractFiles.relative(example))
				.isNotEmpty()
				.isSubsetOf(topics);
		});
	}

	@Test
	void matchWhenTextIsOnlyGenericShouldFindNoTopic() {
		String text = "The CSTO Secretary General met the press in Moscow to discuss security cooperation "
				+ "between member states and international organization meetings. Генеральный секретарь ОДКБ "
				+ "встретился в Москве с журналистами и обсудил сотрудничество государств в сфере безопасности.";
		assertThat(matchingTopics(text)).isEmpty();
	}

	@Test
	void matchWhenWordsAreInflectedShouldFindTheTopic() {
		assertThat(matchingTopics("Учения миротворческих сил прошли по плану")).contains("peacekeeping");
		assertThat(matchingTopics("о противодействии незаконному обороту наркотиков")).contains("drug-trafficking");
		assertThat(matchingTopics("Experts discussed cybersecurity and counter-terrorism"))
			.contains("information-security", "terrorism-extremism");
	}

	private static Set<String> matchingTopics(String text) {
		return TOPICS.stream()
			.filter((topic) -> Stream.concat(keywords(topic, "en").stream(), keywords(topic, "ru").stream())
				.map(KeywordRule::of)
				.anyMatch((rule) -> rule.matches(text)))
			.map(TopicsTaxonomyTests::slug)
			.collect(Collectors.toSet());
	}

	private static String text(JsonNode record) {
		return Stream.of("title", "summary", "body")
			.map((field) -> record.path(field).stringValue(""))
			.collect(Collectors.joining("\n"));
	}

	private static List<String> slugs() {
		return TOPICS.stream().map(TopicsTaxonomyTests::slug).toList();
	}

	private static String slug(JsonNode topic) {
		return topic.path("slug").stringValue("");
	}

	private static List<String> keywords(JsonNode topic, String language) {
		return topic.path("keywords").path(language).values().stream().map(JsonNode::stringValue).toList();
	}

}
