package dev.herald.contracts;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract's {@code format: date} as {@link RecordContract} asserts it (through
 * {@link FullDateFormat}): RFC 3339's full-date, a day that exists, nothing else.
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

	private static byte[] withOccurredOn(String occurredOn) {
		ObjectNode record = (ObjectNode) ContractFiles.readJson(ContractFiles.validExamples().get(0));
		record.put("occurredOn", occurredOn);
		return record.toString().getBytes(StandardCharsets.UTF_8);
	}

}
