package dev.herald.ingest.record;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.herald.contracts.RecordContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EventJson}: what it writes is what the contract accepts.
 */
class EventJsonTests {

	private static final UUID ID = UUID.fromString("3f0c9d2e-6b1a-4c55-9f7e-2d8a41b07c13");

	private final EventJson json = new EventJson();

	private final RecordContract contract = new RecordContract();

	@Test
	void writeWhenEveryFieldIsSetShouldWriteThemAllAsTheContractReadsThem() {
		PublishedRecord event = new PublishedRecord(ID, "MEETING", "Заседание \"Совета\" <b>ОДКБ</b>", "A summary",
				"Line one.\r\n\r\nLine\ttwo \\ \u2028 end.", "2023-11-13",
				new PublishedRecord.Place("Минск", "Belarus"), "CSTO", List.of("Council"), List.of("A. B."),
				List.of("A/75/906"), List.of("security"), "ru", "https://example.org/a?b=1&c=2",
				Instant.parse("2026-12-01T07:30:00.123456789Z"), "dev-operator");

		JsonNode written = this.contract.read(this.json.write(event));

		assertThat(written.get("id").stringValue()).isEqualTo(ID.toString());
		assertThat(written.get("kind").stringValue()).isEqualTo("MEETING");
		assertThat(written.get("title").stringValue()).isEqualTo("Заседание \"Совета\" <b>ОДКБ</b>");
		assertThat(written.get("summary").stringValue()).isEqualTo("A summary");
		assertThat(written.get("body").stringValue()).isEqualTo("Line one.\r\n\r\nLine\ttwo \\ \u2028 end.");
		assertThat(written.get("occurredOn").stringValue()).isEqualTo("2023-11-13");
		assertThat(written.get("place").get("city").stringValue()).isEqualTo("Минск");
		assertThat(written.get("place").get("country").stringValue()).isEqualTo("Belarus");
		assertThat(written.get("organization").stringValue()).isEqualTo("CSTO");
		assertThat(written.get("bodies").get(0).stringValue()).isEqualTo("Council");
		assertThat(written.get("participants").get(0).stringValue()).isEqualTo("A. B.");
		assertThat(written.get("documentSymbols").get(0).stringValue()).isEqualTo("A/75/906");
		assertThat(written.get("topics").get(0).stringValue()).isEqualTo("security");
		assertThat(written.get("language").stringValue()).isEqualTo("ru");
		assertThat(written.get("sourceUrl").stringValue()).isEqualTo("https://example.org/a?b=1&c=2");
		assertThat(written.get("publishedAt").stringValue()).isEqualTo("2026-12-01T07:30:00.123456789Z");
		assertThat(written.get("publishedBy").stringValue()).isEqualTo("dev-operator");
		assertThat(written.propertyNames()).hasSize(16);
	}

	@Test
	void writeWhenOptionalFieldsAreNullShouldLeaveThemOut() {
		PublishedRecord event = new PublishedRecord(ID, "STATEMENT", "A statement", null, "The body.", "2023-11-13",
				null, "CSTO", List.of(), null, List.of(), List.of(), "en", null, Instant.parse("2026-12-01T07:30:00Z"),
				"dev-operator");

		JsonNode written = this.contract.read(this.json.write(event));

		assertThat(written.propertyNames()).containsExactly("id", "kind", "title", "body", "occurredOn", "organization",
				"bodies", "documentSymbols", "topics", "language", "publishedAt", "publishedBy");
		assertThat(written.get("bodies").isArray()).isTrue();
		assertThat(written.get("bodies")).isEmpty();
	}

}
