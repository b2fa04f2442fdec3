package dev.herald.contracts;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract's {@code format: date} as {@link RecordContract} asserts it (through
 * {@link Rfc3339Format}): RFC 3339's full-date, a day that exists, nothing else.
 */
class RecordContractDatesTests {

	private final RecordContract contract = new RecordContract();

	@ParameterizedTest
	@ValueSource(strings = { "2023-11-13", "2024-02-29", "1900-01-01" })
	void readShouldAcceptAFullDate(String occurredOn) {
		assertThat(this.contract.read(withOccurredOn(occurredOn)).get("occurredOn").stringValue())
			.isEqualTo(occurredOn);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-02-30", "2023-02-29", "2023-13-01", "+10000-01-01", "+2023-11-13", "2023-11-1",
			"2023-11-13T00:00:00Z", "13.11.2023", "２０２３-11-13" })
	void readShouldRefuseAnythingElseAtOccurredOn(String occurredOn) {
		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> this.contract.read(withOccurredOn(occurredOn)))
			.withMessageContaining("/occurredOn");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-11-13T15:42:10.512Z", "2023-11-13T18:42:10+03:00", "2023-11-13T15:42:10-00:00",
			"2016-12-31T23:59:60Z" })
	void readShouldAcceptADateTime(String publishedAt) {
		assertThat(this.contract.read(with("publishedAt", publishedAt)).get("publishedAt").stringValue())
			.isEqualTo(publishedAt);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-11-13 15:42:10Z", "2023-11-13T15:42:10", "2023-11-13T23:59:60Z",
			"2023-11-13T15:42:10.1234567891Z", "2023-02-30T15:42:10Z", "2023-11-13" })
	void readShouldRefuseAnythingElseAtPublishedAt(String publishedAt) {
		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> this.contract.read(with("publishedAt", publishedAt)))
			.withMessageContaining("/publishedAt");
	}

	private static byte[] withOccurredOn(String occurredOn) {
		return with("occurredOn", occurredOn);
	}

	private static byte[] with(String field, String value) {
		ObjectNode record = (ObjectNode) ContractFiles.readJson(ContractFiles.validExamples().get(0));
		record.put(field, value);
		return record.toString().getBytes(StandardCharsets.UTF_8);
	}

}
