package dev.herald.ingest.record;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.herald.ingest.IngestProperties;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RecordJson}.
 */
class RecordJsonTests {

	private final RecordJson json = new RecordJson(new IngestProperties("herald.records.v1", 6,
			URI.create("http://localhost:8082"), URI.create("/herald/ingest-service"), null, List.of(),
			new IngestProperties.Limits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(16), 1000, 32), null));

	@Test
	void parseWhenNestedThirtyTwoLevelsShouldSucceed() {
		assertThat(this.json.parse(bytes("[".repeat(32) + "]".repeat(32))).isArray()).isTrue();
	}

	@Test
	void parseWhenNestedThirtyThreeLevelsShouldSayTooDeep() {
		assertThatExceptionOfType(MalformedJson.class)
			.isThrownBy(() -> this.json.parse(bytes("[".repeat(33) + "]".repeat(33))))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).startsWith("JSON nested deeper than 32 levels"));
	}

	@Test
	void parseWhenKeyIsRepeatedShouldSayWhichAndWhere() {
		assertThatExceptionOfType(MalformedJson.class)
			.isThrownBy(() -> this.json.parse(bytes("{\n  \"title\": \"a\",\n  \"title\": \"b\"\n}")))
			.satisfies((ex) -> {
				assertThat(ex.getBody().getDetail()).contains("line 3").contains("\"title\"");
				assertThat(ex.getBody().getProperties()).containsEntry("line", 3);
			});
	}

	@Test
	void parseWhenContentTrailsTheDocumentShouldFail() {
		assertThatExceptionOfType(MalformedJson.class).isThrownBy(() -> this.json.parse(bytes("{} {}")));
	}

	@Test
	void splitArrayShouldParseEachItemOnItsOwnAfterMultiByteText() {
		String body = "[{\"title\":\"Заседание ОДКБ 🚀\"}, {\"title\":\"a\",\"title\":\"b\"}, 42, {\"title\":\"x\"}]";
		List<RecordJson.BatchItem> items = this.json.splitArray(bytes(body), 1000);
		assertThat(items).hasSize(4);
		assertThat(items.get(0).node().get("title").stringValue()).isEqualTo("Заседание ОДКБ 🚀");
		assertThat(items.get(1).node()).isNull();
		assertThat(items.get(1).problem().message()).contains("Duplicate").contains("\"title\"");
		assertThat(items.get(2).node().isNumber()).isTrue();
		assertThat(items.get(3).node().get("title").stringValue()).isEqualTo("x");
	}

	@Test
	void splitArrayWhenNotAnArrayShouldFail() {
		assertThatExceptionOfType(MalformedJson.class).isThrownBy(() -> this.json.splitArray(bytes("{}"), 1000));
	}

	@Test
	void splitArrayWhenOverTheItemLimitShouldFailBeforeParsingTheRest() {
		assertThatExceptionOfType(BatchTooLarge.class)
			.isThrownBy(() -> this.json.splitArray(bytes("[{}, {}, {}, {\"broken\": ]"), 3));
	}

	@Test
	void splitLinesShouldSkipBlankLinesAndKeepLineNumbers() {
		String body = "{\"title\":\"a\"}\r\n\n  \n{\"title\": }\n{\"title\":\"c\"}\n";
		List<RecordJson.BatchItem> items = this.json.splitLines(bytes(body), 1000);
		assertThat(items).extracting(RecordJson.BatchItem::line).containsExactly(1, 4, 5);
		assertThat(items).extracting(RecordJson.BatchItem::index).containsExactly(0, 1, 2);
		assertThat(items.get(1).problem().message()).startsWith("Malformed JSON");
		assertThat(items.get(2).node().get("title").stringValue()).isEqualTo("c");
	}

	@Test
	void splitLinesWhenOverTheItemLimitShouldFail() {
		assertThatExceptionOfType(BatchTooLarge.class).isThrownBy(() -> this.json.splitLines(bytes("{}\n{}\n{}"), 2));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
