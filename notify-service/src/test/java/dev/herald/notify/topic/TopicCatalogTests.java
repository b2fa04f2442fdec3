package dev.herald.notify.topic;

import java.util.List;
import java.util.Locale;

import dev.herald.notify.TestProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicCatalogTests {

	private final TopicCatalog catalog = new TopicCatalog(TestProperties.defaults());

	@Test
	void catalogShouldReadTheContractTaxonomy() {
		assertThat(this.catalog.all()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(this.catalog.slugs()).contains("information-security", "peacekeeping");
		assertThat(this.catalog.all()).allSatisfy((topic) -> {
			assertThat(topic.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
			assertThat(topic.label()).isNotBlank();
		});
	}

	@Test
	void unknownShouldListTheSlugsThatNameNoTopic() {
		assertThat(this.catalog.unknown(List.of("peacekeeping", "knitting", "knitting", "<b>")))
			.containsExactly("knitting", "<b>");
	}

	@Test
	void labelShouldFallBackToTheSlug() {
		assertThat(this.catalog.label("information-security", Locale.ENGLISH)).isEqualTo("Information security");
		assertThat(this.catalog.label("retired-topic", Locale.ENGLISH)).isEqualTo("retired-topic");
	}

	@Test
	void everyTopicShouldHaveARussianLabelAndDescription() {
		Locale russian = Locale.forLanguageTag("ru");
		assertThat(this.catalog.label("information-security", russian)).isEqualTo("Информационная безопасность");
		assertThat(this.catalog.all()).allSatisfy((topic) -> {
			assertThat(topic.label(russian)).isNotEqualTo(topic.label()).matches(".*\\p{IsCyrillic}.*");
			assertThat(topic.description(russian)).isNotEqualTo(topic.description()).matches(".*\\p{IsCyrillic}.*");
		});
		assertThat(this.catalog.label("information-security", Locale.GERMAN)).isEqualTo("Information security");
	}

}
