package dev.herald.platform.logging;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingJsonMembersCustomizerTests {

	@Test
	void everyStringMemberShouldBeMasked() {
		JsonWriter<LogLine> writer = JsonWriter.of((members) -> {
			members.add("message", LogLine::message);
			members.add("error", (line) -> Map.of("stack_trace", line.stackTrace()));
			members.add("count", LogLine::count);
			new MaskingJsonMembersCustomizer().customize(cast(members));
		});

		String json = writer.writeToString(new LogLine("Sent to jane@example.org with token=abc123",
				"MailSendException: 550 <bob@example.org>", 3));

		assertThat(json).isEqualTo("{\"message\":\"Sent to j***@example.org with token=***\","
				+ "\"error\":{\"stack_trace\":\"MailSendException: 550 <b***@example.org>\"},\"count\":3}");
	}

	@Test
	void theCustomizerShouldBeRegisteredForEveryServiceThatHasThePlatform() {
		List<StructuredLoggingJsonMembersCustomizer> registered = SpringFactoriesLoader
			.forDefaultResourceLocation(getClass().getClassLoader())
			.load(StructuredLoggingJsonMembersCustomizer.class);
		assertThat(registered).hasAtLeastOneElementOfType(MaskingJsonMembersCustomizer.class);
	}

	@SuppressWarnings("unchecked")
	private static JsonWriter.Members<Object> cast(JsonWriter.Members<?> members) {
		return (JsonWriter.Members<Object>) members;
	}

	record LogLine(String message, String stackTrace, int count) {
	}

}
