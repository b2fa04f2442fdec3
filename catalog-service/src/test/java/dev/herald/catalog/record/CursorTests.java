package dev.herald.catalog.record;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorTests {

	@Test
	void encodedCursorShouldDecodeToTheSamePosition() {
		Cursor cursor = new Cursor(LocalDate.of(2023, 11, 13), "a4f2d9cc-2065-4cfa-a749-45a8fd4aaf53");
		String text = cursor.encode();
		assertThat(text).doesNotContain("2023", "=", "+", "/");
		assertThat(Cursor.decode(text)).isEqualTo(cursor);
	}

	@ParameterizedTest
	@ValueSource(strings = { "x", "!!!!", "djF8MjAyMy0xMy0wMXxh", "bm90IGEgY3Vyc29y", "%00", "////" })
	void decodeWhenMalformedShouldNameCursor(String text) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> Cursor.decode(text))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("cursor"));
	}

	@Test
	void aBackwardCursorShouldDecodeBackwardAndAnOldForwardOneForward() {
		Cursor backward = new Cursor(LocalDate.of(2023, 11, 13), "a4f2d9cc-2065-4cfa-a749-45a8fd4aaf53", true);

		assertThat(Cursor.decode(backward.encode())).isEqualTo(backward);
		assertThat(Cursor.decode("djF8MjAyMy0xMS0xM3xhNGYyZDljYy0yMDY1LTRjZmEtYTc0OS00NWE4ZmQ0YWFmNTM").backward())
			.as("a cursor issued before paging back existed")
			.isFalse();
	}

	@Test
	void decodeWhenFieldsAreForgedShouldNameCursor() {
		for (String plain : new String[] { "v1|2023-11-13|not-a-uuid",
				"v2|2023-11-13|a4f2d9cc-2065-4cfa-a749-45a8fd4aaf53",
				"v1|2023-02-30|a4f2d9cc-2065-4cfa-a749-45a8fd4aaf53",
				"v1|2023-11-13|a4f2d9cc-2065-4cfa-a749-45a8fd4aaf53|x", "v1|2023-11-13|{\"$gt\":\"\"}" }) {
			String text = Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
			assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> Cursor.decode(text));
		}
	}

	@Test
	void decodeWhenTooLongShouldNameCursor() {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> Cursor.decode("A".repeat(5000)));
	}

}
