package dev.herald.catalog.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.herald.catalog.TestRecords;
import dev.herald.contracts.ContractViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The consumer side of the contract: every valid example is read with every field, every
 * invalid one is refused.
 */
class RecordPublishedReaderTests {

	private final RecordPublishedReader reader = new RecordPublishedReader();

	static Stream<Resource> validExamples() {
		return TestRecords.validExamples().stream();
	}

	static Stream<Resource> invalidExamples() {
		return TestRecords.invalidExamples().stream();
	}

	@Test
	void contractShouldHaveExamples() {
		assertThat(TestRecords.validExamples()).hasSizeGreaterThanOrEqualTo(8);
		assertThat(TestRecords.invalidExamples()).hasSizeGreaterThanOrEqualTo(10);
	}

	@ParameterizedTest
	@MethodSource("validExamples")
	void readWhenExampleIsValidShouldMapEveryField(Resource example) {
		ObjectNode json = TestRecords.json(example);
		RecordPublished record = this.reader.read(TestRecords.bytes(example));
		assertThat(record.id()).isEqualTo(json.get("id").asString());
		assertThat(record.kind()).isEqualTo(json.get("kind").asString());
		assertThat(record.title()).isEqualTo(json.get("title").asString());
		assertThat(record.summary()).isEqualTo(text(json, "summary"));
		assertThat(record.body()).isEqualTo(text(json, "body"));
		assertThat(record.occurredOn()).isEqualTo(LocalDate.parse(json.get("occurredOn").asString()));
		if (json.has("place")) {
			assertThat(record.place().city()).isEqualTo(json.get("place").get("city").asString());
			assertThat(record.place().country()).isEqualTo(json.get("place").get("country").asString());
		}
		else {
			assertThat(record.place()).isNull();
		}
		assertThat(record.organization()).isEqualTo(json.get("organization").asString());
		assertThat(record.bodies()).isEqualTo(strings(json.get("bodies")));
		assertThat(record.participants())
			.isEqualTo(json.has("participants") ? strings(json.get("participants")) : null);
		assertThat(record.documentSymbols()).isEqualTo(strings(json.get("documentSymbols")));
		assertThat(record.topics()).isEqualTo(strings(json.get("topics")));
		assertThat(record.language()).isEqualTo(json.get("language").asString());
		assertThat(record.sourceUrl()).isEqualTo(text(json, "sourceUrl"));
		assertThat(record.publishedAt()).isEqualTo(Instant.parse(json.get("publishedAt").asString()));
		assertThat(record.publishedBy()).isEqualTo(json.get("publishedBy").asString());
	}

	@ParameterizedTest
	@MethodSource("invalidExamples")
	void readWhenExampleIsInvalidShouldRefuseIt(Resource example) {
		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> this.reader.read(TestRecords.bytes(example)));
	}

	@Test
	void readWhenValueIsNotJsonShouldRefuseIt() {
		assertThatExceptionOfType(ContractViolation.class).isThrownBy(() -> this.reader.read("<record/>".getBytes()))
			.withMessageContaining("not a JSON document");
		assertThatExceptionOfType(ContractViolation.class).isThrownBy(() -> this.reader.read(null));
		assertThatExceptionOfType(ContractViolation.class).isThrownBy(() -> this.reader.read(new byte[0]));
	}

	@Test
	void readWhenFieldBreaksSchemaShouldNameIt() {
		ObjectNode event = TestRecords.meeting("CSTO");
		event.put("occurredOn", "22.11.2023");
		assertThatExceptionOfType(ContractViolation.class).isThrownBy(() -> this.reader.read(TestRecords.bytes(event)))
			.withMessageContaining("occurredOn");
	}

	@Test
	void readWhenPublishedAtHasAnOffsetShouldKeepTheInstant() {
		ObjectNode event = TestRecords.meeting("CSTO");
		event.put("publishedAt", "2023-11-22T18:31:07.123456+03:00");
		assertThat(this.reader.read(TestRecords.bytes(event)).publishedAt())
			.isEqualTo(Instant.parse("2023-11-22T15:31:07.123456Z"));
	}

	@Test
	void readWhenPublishedAtHasAnUnknownLocalOffsetShouldReadItAsUtc() {
		ObjectNode event = TestRecords.meeting("CSTO");
		event.put("publishedAt", "2023-11-22t15:31:07.5-00:00");
		assertThat(this.reader.read(TestRecords.bytes(event)).publishedAt())
			.isEqualTo(Instant.parse("2023-11-22T15:31:07.500Z"));
	}

	@Test
	void readWhenPublishedAtIsALeapSecondShouldRefuseItAsUnreadable() {
		ObjectNode event = TestRecords.meeting("CSTO");
		event.put("publishedAt", "2016-12-31T23:59:60Z");
		assertThatExceptionOfType(ContractViolation.class).isThrownBy(() -> this.reader.read(TestRecords.bytes(event)))
			.withMessageContaining("cannot be mapped");
	}

	@Test
	void deserializerWhenCloudEventsTypeIsAnotherShouldRefuseIt() {
		RecordPublishedDeserializer deserializer = new RecordPublishedDeserializer(this.reader);
		org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
		headers.add("ce_type", "dev.herald.record.deleted.v1".getBytes());
		byte[] value = TestRecords.bytes(TestRecords.meeting("CSTO"));
		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> deserializer.deserialize("herald.records.v1", headers, value));
		headers.remove("ce_type");
		headers.add("ce_type", RecordPublished.TYPE.getBytes());
		assertThat(deserializer.deserialize("herald.records.v1", headers, value).organization()).isEqualTo("CSTO");
	}

	private static String text(JsonNode json, String field) {
		return json.has(field) ? json.get(field).asString() : null;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

}
