package dev.herald.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract of {@code herald.records.v1}: reads a message value and checks it against
 * {@code record-published.v1.schema.json}, formats asserted as the contract asks (dates
 * and date-times checked by {@link Rfc3339Format}, as the catalog reads them). Every
 * consumer validates with this one class, so a message one service accepts, all do.
 * Thread-safe; build it once.
 */
public final class RecordContract {

	/** The CloudEvents type of a record event. */
	public static final String EVENT_TYPE = "dev.herald.record.published.v1";

	/** Where the schema is on the classpath. */
	public static final String SCHEMA = "herald/contracts/record-published.v1.schema.json";

	private static final int MAX_REPORTED_ERRORS = 10;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Schema schema = loadSchema();

	/**
	 * Reads and checks one message value.
	 * @param value the raw value
	 * @return the JSON of a valid record event
	 * @throws ContractViolation if the value is missing, not JSON, or breaks the schema
	 */
	public JsonNode read(byte[] value) {
		if (value == null || value.length == 0) {
			throw ContractViolation.noValue();
		}
		JsonNode json;
		try {
			json = this.mapper.readTree(value);
		}
		catch (JacksonException ex) {
			throw ContractViolation.notJson(ex);
		}
		List<Error> errors = this.schema.validate(json);
		if (!errors.isEmpty()) {
			throw ContractViolation.schema(errors.stream()
				.limit(MAX_REPORTED_ERRORS)
				.map((error) -> error.getInstanceLocation() + ": " + error.getMessage())
				.toList());
		}
		return json;
	}

	private static Schema loadSchema() {
		SchemaRegistryConfig config = SchemaRegistryConfig.builder()
			.formatAssertionsEnabled(true)
			.regularExpressionFactory(new CharacterClassExpressions())
			.build();
		Dialect dialect = Dialect.builder(Dialects.getDraft202012())
			.format(Rfc3339Format.date())
			.format(Rfc3339Format.dateTime())
			.build();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect,
				(builder) -> builder.schemaRegistryConfig(config));
		try (InputStream in = RecordContract.class.getClassLoader().getResourceAsStream(SCHEMA)) {
			if (in == null) {
				throw new IllegalStateException(SCHEMA + " is not on the classpath");
			}
			return registry.getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
