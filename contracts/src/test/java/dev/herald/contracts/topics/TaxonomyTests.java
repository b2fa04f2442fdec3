package dev.herald.contracts.topics;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TaxonomyTests {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final Taxonomy taxonomy = Taxonomy.fromContract();

	@Test
	void shouldReadTheContractTaxonomyInFileOrder() {
		assertThat(this.taxonomy.topics()).hasSizeGreaterThanOrEqualTo(14);
		assertThat(this.taxonomy.slugs().get(0)).isEqualTo("collective-security");
		assertThat(this.taxonomy.slugs()).contains("information-security", "peacekeeping");
		assertThat(this.taxonomy.topics()).allSatisfy((topic) -> {
			assertThat(topic.label()).isNotBlank();
			assertThat(topic.keywords()).containsKeys("en", "ru");
		});
	}

	@Test
	void containsAndFindShouldKnowOnlyTheTaxonomysSlugs() {
		assertThat(this.taxonomy.contains("peacekeeping")).isTrue();
		assertThat(this.taxonomy.contains("knitting")).isFalse();
		assertThat(this.taxonomy.contains(null)).isFalse();
		assertThat(this.taxonomy.find("peacekeeping")).map(Topic::slug).contains("peacekeeping");
		assertThat(this.taxonomy.find(null)).isEmpty();
	}

	@Test
	void unknownShouldListTheSlugsThatNameNoTopicOnce() {
		assertThat(this.taxonomy.unknown(List.of("peacekeeping", "knitting", "knitting", "<b>")))
			.containsExactly("knitting", "<b>");
	}

	@Test
	void labelShouldComeInTheLanguageAndFallBackToEnglishThenToTheSlug() {
		assertThat(this.taxonomy.label("information-security", Locale.ENGLISH)).isEqualTo("Information security");
		assertThat(this.taxonomy.label("information-security", RUSSIAN)).isEqualTo("Информационная безопасность");
		assertThat(this.taxonomy.label("information-security", Locale.GERMAN)).isEqualTo("Information security");
		assertThat(this.taxonomy.label("retired-topic", RUSSIAN)).isEqualTo("retired-topic");
	}

	@Test
	void everyTopicShouldHaveARussianLabelAndDescription() {
		assertThat(this.taxonomy.topics()).allSatisfy((topic) -> {
			assertThat(topic.label(RUSSIAN)).isNotEqualTo(topic.label()).matches(".*\\p{IsCyrillic}.*");
			assertThat(topic.description(RUSSIAN)).isNotEqualTo(topic.description()).matches(".*\\p{IsCyrillic}.*");
		});
	}

	@Test
	void aFileWithARepeatedOrInvalidSlugOrNoTopicsShouldBeRefused() {
		assertThatIllegalStateException().isThrownBy(() -> read("topics:\n  - slug: a\n  - slug: a\n"))
			.withMessageContaining("Duplicate topic slug: a");
		assertThatIllegalStateException().isThrownBy(() -> read("topics:\n  - slug: Not A Slug\n"))
			.withMessageContaining("Invalid topic slug");
		assertThatIllegalStateException().isThrownBy(() -> read("topics: []\n")).withMessageContaining("no topics");
	}

	@Test
	void aFileThatCannotBeOpenedShouldBeNamedInTheError() {
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> Taxonomy.read(() -> {
			throw new FileNotFoundException("gone");
		}, "missing.yml")).withMessageContaining("missing.yml");
	}

	private static Taxonomy read(String yaml) {
		return Taxonomy.read(() -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
	}

}
