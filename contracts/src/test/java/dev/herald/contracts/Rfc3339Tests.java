package dev.herald.contracts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Rfc3339}: it reads what {@code java.time}'s ISO formatters read for
 * the contract's shapes, and refuses the rest.
 */
class Rfc3339Tests {

	@ParameterizedTest
	@ValueSource(strings = { "2023-11-13", "1900-01-01", "2024-02-29", "0000-01-01", "9999-12-31" })
	void fullDateShouldReadWhatIsoLocalDateReads(String text) {
		assertThat(Rfc3339.fullDate(text)).isEqualTo(LocalDate.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-02-30", "2023-13-01", "2023-00-10", "2023-04-31", "2023-11-1", "2023-1-13",
			"23-11-13", "+2023-11-13", "+99999-01-01", "2023/11/13", "2023-11-13T00:00:00Z", "2023-11-13 ",
			" 2023-11-13", "2023-1a-13", "２０２３-11-13", "2023-11-١٣", "", "----------" })
	void fullDateShouldRefuseAnythingElse(String text) {
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> Rfc3339.fullDate(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-11-13T15:42:10.512Z", "2023-11-13T15:42:10Z", "2023-11-13T15:42:10.123456789Z",
			"2023-11-13T18:42:10+03:00", "2023-11-13T10:12:10.5-05:30" })
	void dateTimeShouldReadTheInstantAnOffsetDateTimeNames(String text) {
		assertThat(Rfc3339.dateTime(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-11-13", "2023-11-13T15:42Z", "2023-11-13T15:42:10", "2023-11-13T25:42:10Z",
			"2023-02-30T15:42:10Z", "not a date", "" })
	void dateTimeShouldRefuseAnythingElse(String text) {
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> Rfc3339.dateTime(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-11-13T15:42:10.512Z", "2023-11-13t15:42:10.512z", "2023-11-13T15:42:10.512-00:00",
			"2023-11-13T18:42:10.512+03:00" })
	void dateTimeShouldReadTheInstantWhateverTheCaseOrOffset(String text) {
		assertThat(Rfc3339.dateTime(text)).isEqualTo(Instant.ofEpochMilli(1699890130512L));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-11-13 15:42:10Z", "2023-11-13T15:42:10.1234567891Z", "2016-12-31T23:59:60Z" })
	void dateTimeShouldRefuseWhatAnInstantCannotHoldOrTheGrammarDoesNotAllow(String text) {
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> Rfc3339.dateTime(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2016-12-31T23:59:60Z", "2016-12-31T23:59:60.5Z", "2015-06-30T23:59:60Z" })
	void isDateTimeShouldAcceptALeapSecondThatTookPlace(String text) {
		assertThat(Rfc3339.isDateTime(text)).isTrue();
	}

	/**
	 * The schema's date-time as the validator's own format checks it, on the shapes a
	 * record event can carry: the same answer, except for a fraction of more than nine
	 * digits, which the validator's format accepts and no consumer could read.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2023-11-13T15:42:10Z", "2023-11-13t15:42:10z", "2023-11-13T15:42:10.512+03:00",
			"2023-11-13T15:42:10-00:00", "2023-11-13T15:42:10.123456789Z", "2016-12-31T23:59:60Z",
			"2023-11-13T23:59:60Z", "2023-11-13 15:42:10Z", "2023-11-13T15:42:10+24:00", "2023-11-13T15:42Z",
			"+2023-11-13T15:42:10Z", "2023-11-13T15:42:10.Z", "2023-02-30T15:42:10Z", "2023-11-13T24:00:00Z",
			"2023-11-13T15:60:10Z", "2023-11-13", "", "2023-11-13T15:42:10ZZ", "2023-11-13T15:42:10+0300" })
	void isDateTimeShouldAnswerAsTheValidatorsOwnFormat(String text) {
		assertThat(Rfc3339.isDateTime(text))
			.isEqualTo(new com.networknt.schema.format.DateTimeFormat().matches(null, text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-11-13T15:42:10.1234567891Z" })
	void isDateTimeShouldRefuseAFractionNoConsumerCouldRead(String text) {
		assertThat(new com.networknt.schema.format.DateTimeFormat().matches(null, text)).isTrue();
		assertThat(Rfc3339.isDateTime(text)).isFalse();
	}

}
