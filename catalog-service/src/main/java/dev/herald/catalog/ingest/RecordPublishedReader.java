package dev.herald.catalog.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a message value as a {@link RecordPublished}: parses the JSON, validates it
 * against the contract's JSON Schema (with format assertions, as the contract asks) and
 * maps it. Thread-safe.
 */
public final class RecordPublishedReader {

	static final String SCHEMA = "herald/contracts/record-published.v1.schema.json";

	private static final int MAX_REPORTED_ERRORS = 10;

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Schema schema = loadSchema();

	private static Schema loadSchema() {
		SchemaRegistryConfig config = SchemaRegistryConfig.builder()
			.formatAssertionsEnabled(true)
			.regularExpressionFactory(new CharacterClassExpressions())
			.build();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaRegistryConfig(config));
		try (InputStream in = RecordPublishedReader.class.getClassLoader().getResourceAsStream(SCHEMA)) {
			if (in == null) {
				throw new IllegalStateException(SCHEMA + " is not on the classpath (contracts jar missing?)");
			}
			return registry.getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads one message value.
	 * @param value the raw value
	 * @return the record
	 * @throws ContractViolationException if the value is missing, not JSON, or breaks the
	 * schema
	 */
	public RecordPublished read(byte[] value) {
		if (value == null || value.length == 0) {
			throw ContractViolationException.noValue();
		}
		JsonNode json;
		try {
			json = this.mapper.readTree(value);
		}
		catch (JacksonException ex) {
			throw ContractViolationException.notJson(ex);
		}
		List<Error> errors = this.schema.validate(json);
		if (!errors.isEmpty()) {
			throw ContractViolationException
				.schema(errors.stream().limit(MAX_REPORTED_ERRORS).map(RecordPublishedReader::describe).toList());
		}
		try {
			return toRecord(json);
		}
		catch (RuntimeException ex) {
			throw ContractViolationException.unreadable(ex);
		}
	}

	/**
	 * Maps a value the schema accepted: every field present has its type and format, so
	 * the fields are read as they are, without a data-binding pass.
	 */
	private static RecordPublished toRecord(JsonNode json) {
		JsonNode place = json.get("place");
		return new RecordPublished(text(json, "id"), text(json, "kind"), text(json, "title"), text(json, "summary"),
				text(json, "body"), LocalDate.parse(text(json, "occurredOn")),
				(place != null) ? new RecordPublished.Place(text(place, "city"), text(place, "country")) : null,
				text(json, "organization"), texts(json, "bodies"), texts(json, "participants"),
				texts(json, "documentSymbols"), texts(json, "topics"), text(json, "language"), text(json, "sourceUrl"),
				OffsetDateTime.parse(text(json, "publishedAt")).toInstant(), text(json, "publishedBy"));
	}

	private static String text(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value != null && !value.isNull()) ? value.stringValue() : null;
	}

	private static List<String> texts(JsonNode json, String field) {
		JsonNode values = json.get(field);
		if (values == null || values.isNull()) {
			return null;
		}
		List<String> texts = new ArrayList<>(values.size());
		values.forEach((value) -> texts.add(value.stringValue()));
		return texts;
	}

	private static String describe(Error error) {
		return error.getInstanceLocation() + ": " + error.getMessage();
	}

}
