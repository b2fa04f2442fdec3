package dev.herald.platform.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The safety net of structured logs (ECS, Logstash, GELF): every string written, the
 * message and a stack trace included, passes through {@link Masking#text(String)}, so
 * that an address or token that a library puts in an exception message stays masked.
 * Registered for every service in the platform's {@code META-INF/spring.factories}.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, Masking::text));
	}

}
