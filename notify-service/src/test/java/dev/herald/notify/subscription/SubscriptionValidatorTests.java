package dev.herald.notify.subscription;

import java.util.Collections;
import java.util.List;

import dev.herald.notify.topic.Topic;
import dev.herald.notify.topic.TopicCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubscriptionValidatorTests {

	private final SubscriptionValidator validator = new SubscriptionValidator(TopicCatalog
		.of(List.of(new Topic("peacekeeping", "Peacekeeping", ""), new Topic("cyber", "Information security", ""))));

	@Test
	void validateWhenValidShouldNormalizeAndDeduplicate() {
		SubscriptionValidator.Valid valid = this.validator
			.validate(new SubscriptionRequest("Reader@Example.ORG", List.of("cyber", "cyber", "peacekeeping"), "RU"));
		assertThat(valid.email().address()).isEqualTo("Reader@example.org");
		assertThat(valid.topics()).containsExactly("cyber", "peacekeeping");
		assertThat(valid.language()).isEqualTo("ru");
	}

	@Test
	void validateWhenLanguageIsMissingShouldUseEnglish() {
		assertThat(this.validator.validate(new SubscriptionRequest("a@example.org", List.of("cyber"), null)).language())
			.isEqualTo("en");
	}

	@Test
	void validateWhenTopicsAreUnknownShouldNameThem() {
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.validator
				.validate(new SubscriptionRequest("a@example.org", List.of("cyber", "knitting"), "en")))
			.satisfies((ex) -> {
				assertThat(ex.unknownTopics()).containsExactly("knitting");
				assertThat(ex.errors()).containsKey("topics");
			});
	}

	@Test
	void validateWhenEverythingIsWrongShouldReportEveryField() {
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.validator.validate(
					new SubscriptionRequest("x\r\nBcc: y@example.org", Collections.nCopies(51, "cyber"), "<script>")))
			.satisfies((ex) -> assertThat(ex.errors()).containsOnlyKeys("email", "topics", "language"));
	}

	@Test
	void validateWhenTopicsAreMissingShouldRefuse() {
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.validator.validate(new SubscriptionRequest("a@example.org", null, null)))
			.satisfies((ex) -> assertThat(ex.errors()).containsOnlyKeys("topics"));
	}

}
