package dev.herald.catalog.record;

import java.util.List;

import org.bson.BsonBinaryWriter;
import org.bson.BsonSerializationException;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The buffer writes the bytes BSON's own buffer writes, for names and values in any
 * script.
 */
class Utf8OutputBufferTests {

	private static final List<String> TEXTS = List.of("", "Security Council", "Совет Безопасности",
			"Conseil de sécurité", "安全理事会", "emoji \uD83C\uDF0D and ß", "A/75/906");

	@Test
	void shouldWriteTheBytesOfBsonsOwnBuffer() {
		for (String text : TEXTS) {
			assertThat(document(new Utf8OutputBuffer(16), text)).as(text)
				.isEqualTo(document(new BasicOutputBuffer(16), text));
		}
	}

	@Test
	void aNameWithANullCharacterShouldBeRefusedAsBsonRefusesIt() {
		assertThatExceptionOfType(BsonSerializationException.class)
			.isThrownBy(() -> document(new Utf8OutputBuffer(16), "a\u0000b", "value"))
			.withMessageContaining("null character at index 1");
	}

	private static byte[] document(BasicOutputBuffer buffer, String text) {
		return document(buffer, "name " + text, text);
	}

	private static byte[] document(BasicOutputBuffer buffer, String name, String value) {
		try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
			writer.writeStartDocument();
			writer.writeString(name, value);
			writer.writeStartArray("values");
			writer.writeString(value);
			writer.writeEndArray();
			writer.writeEndDocument();
		}
		return buffer.toByteArray();
	}

}
