package dev.herald.notify.subscription;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.herald.contracts.text.TextAnalyzer;
import dev.herald.contracts.topics.Taxonomy;
import dev.herald.contracts.topics.Topic;
import dev.herald.notify.schedule.Frequency;
import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.search.SearchSyntax;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubscriptionValidatorTests {

	private final SubscriptionValidator validator = new SubscriptionValidator(
			Taxonomy.of(List.of(
					new Topic("peacekeeping", "Peacekeeping", "",
							Map.of("ru", new Topic.Translation("Миротворчество", "")), Map.of()),
					new Topic("cyber", "Information security", "", Map.of(), Map.of()))),
			new SearchSyntax(new TextAnalyzer()));

	@Test
	void validateWhenValidShouldNormalizeAndDeduplicate() {
		SubscriptionValidator.Valid valid = this.validator.validate(
				SubscriptionRequest.immediate("Reader@Example.ORG", List.of("cyber", "cyber", "peacekeeping"), "RU"));
		assertThat(valid.email().address()).isEqualTo("Reader@example.org");
		assertThat(valid.topics()).containsExactly("cyber", "peacekeeping");
		assertThat(valid.language()).isEqualTo("ru");
	}

	@Test
	void validateWhenLanguageIsMissingShouldUseEnglish() {
		assertThat(this.validator.validate(SubscriptionRequest.immediate("a@example.org", List.of("cyber"), null))
			.language()).isEqualTo("en");
	}

	@Test
	void validateWhenTopicsAreUnknownShouldNameThem() {
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.validator
				.validate(SubscriptionRequest.immediate("a@example.org", List.of("cyber", "knitting"), "en")))
			.satisfies((ex) -> {
				assertThat(ex.unknownTopics()).containsExactly("knitting");
				assertThat(ex.errors()).containsKey("topics");
			});
	}

	@Test
	void validateWhenEverythingIsWrongShouldReportEveryField() {
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.validator.validate(SubscriptionRequest.immediate("x\r\nBcc: y@example.org",
					Collections.nCopies(51, "cyber"), "<script>")))
			.satisfies((ex) -> assertThat(ex.errors()).containsOnlyKeys("email", "topics", "language"));
	}

	@Test
	void validateWhenTopicsAreMissingShouldRefuse() {
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.validator.validate(SubscriptionRequest.immediate("a@example.org", null, null)))
			.satisfies((ex) -> assertThat(ex.errors()).containsOnlyKeys("topics"));
	}

	@Test
	void validateShouldBuildTheScheduleAsked() {
		SubscriptionValidator.Valid valid = this.validator
			.validate(new SubscriptionRequest("a@example.org", List.of("cyber"), "en", "weekly", "07:30", "friday",
					"Europe/Moscow", new QuietHoursInput("22:00", "07:00"), null));
		assertThat(valid.schedule())
			.isEqualTo(new Schedule(Frequency.WEEKLY, "07:30", DayOfWeek.FRIDAY, "Europe/Moscow", "22:00", "07:00"));
	}

	@Test
	void validateWhenScheduleFieldsAreAbsentShouldScheduleImmediateAlertsWithTheDefaults() {
		assertThat(this.validator.validate(SubscriptionRequest.immediate("a@example.org", List.of("cyber"), "en"))
			.schedule()).isEqualTo(Schedule.immediate());
	}

	@Test
	void validateWhenScheduleFieldsAreHostileShouldNameEachField() {
		String huge = "x".repeat(100_000);
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.validator.validate(new SubscriptionRequest("a@example.org", List.of("cyber"), "en",
					"HOURLY", "25:00", "FUNDAY", "Mars/Olympus_Mons", new QuietHoursInput("7:00", huge), null)))
			.satisfies((ex) -> assertThat(ex.errors()).containsOnlyKeys("frequency", "deliveryTime", "dayOfWeek",
					"timeZone", "quietHours.from", "quietHours.to"));
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.validator.validate(new SubscriptionRequest("a@example.org", List.of("cyber"), "en",
					huge, "08:00\r\nBcc: x", null, huge, null, null)))
			.satisfies((ex) -> assertThat(ex.errors()).containsOnlyKeys("frequency", "deliveryTime", "timeZone"));
	}

	@Test
	void validateWhenQuietHoursAreEmptyOrHalfGivenShouldRefuse() {
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.validator.validate(new SubscriptionRequest("a@example.org", List.of("cyber"), "en",
					null, null, null, null, new QuietHoursInput("22:00", "22:00"), null)))
			.satisfies((ex) -> assertThat(ex.errors()).containsOnlyKeys("quietHours"));
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.validator.validate(new SubscriptionRequest("a@example.org", List.of("cyber"), "en",
					null, null, null, null, new QuietHoursInput("22:00", null), null)))
			.satisfies((ex) -> assertThat(ex.errors()).containsOnlyKeys("quietHours.to"));
	}

}
