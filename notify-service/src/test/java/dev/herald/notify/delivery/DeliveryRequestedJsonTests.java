package dev.herald.notify.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deliveries event as the application's JSON mapper writes it matches its schema, and
 * reads back.
 */
@JsonTest
class DeliveryRequestedJsonTests {

	@Autowired
	private JsonMapper json;

	@Test
	void writtenEventShouldMatchTheSchemaAndReadBack() throws IOException {
		String recordId = UUID.randomUUID().toString();
		String subscriberId = UUID.randomUUID().toString();
		DeliveryRequested event = new DeliveryRequested(Delivery.idOf(recordId, subscriberId), recordId, subscriberId,
				Instant.parse("2024-03-01T10:00:00.123Z"));
		String written = this.json.writeValueAsString(event);
		assertThat(schema().validate(this.json.readTree(written))).isEmpty();
		assertThat(this.json.readValue(written, DeliveryRequested.class)).isEqualTo(event);
	}

	@Test
	void schemaShouldRefuseAnEventWithoutItsIds() throws IOException {
		List<Error> errors = schema().validate(this.json.readTree("{\"deliveryId\":\"x\",\"requestedAt\":\"soon\"}"));
		assertThat(errors).extracting(Error::getMessage)
			.anySatisfy((message) -> assertThat(message).contains("recordId"))
			.anySatisfy((message) -> assertThat(message).contains("subscriberId"));
	}

	private Schema schema() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/schemas/delivery-requested.v1.schema.json")) {
			JsonNode document = this.json.readTree(in);
			SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
			return SchemaRegistry
				.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
						(builder) -> builder.schemaRegistryConfig(config))
				.getSchema(document);
		}
	}

}
