package dev.herald.notify.topic;

import java.util.List;

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
		assertThat(this.catalog.label("information-security")).isEqualTo("Information security");
		assertThat(this.catalog.label("retired-topic")).isEqualTo("retired-topic");
	}

}
