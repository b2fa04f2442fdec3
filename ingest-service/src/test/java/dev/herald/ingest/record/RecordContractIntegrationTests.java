package dev.herald.ingest.record;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.herald.ingest.IngestHttp;
import dev.herald.ingest.RecordsTopic;
import dev.herald.localstack.test.EnableHeraldInfrastructure;
import dev.herald.localstack.test.HeraldInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static dev.herald.ingest.record.TestRecords.json;
import static dev.herald.ingest.record.TestRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's side of the contract: every event the service writes to the records
 * topic validates against {@code record-published.v1.schema.json} (formats asserted), and
 * carries the CloudEvents headers the AsyncAPI document lists. The events are read back
 * from the real broker, as consumers see them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableHeraldInfrastructure
class RecordContractIntegrationTests {

	private static final Set<String> FIELDS = Set.of("kind", "title", "summary", "body", "occurredOn", "place",
			"organization", "bodies", "participants", "documentSymbols", "topics", "language", "sourceUrl");

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HeraldInfrastructure infrastructure = HeraldInfrastructure.get();

	@LocalServerPort
	private int port;

	private IngestHttp http;

	@BeforeEach
	void client() {
		this.http = new IngestHttp(this.port);
	}

	@Test
	void everyEventTheServiceProducesShouldValidateAgainstTheContractSchema() throws IOException {
		Set<String> ids = new HashSet<>();
		for (Map<String, Object> record : variedRecords()) {
			HttpResponse<String> response = this.http.post("/api/v1/records", "application/json", json(record));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			ids.add(mapper.readTree(response.body()).get("id").stringValue());
		}
		HttpResponse<String> batch = this.http.post("/api/v1/records/batch", "application/x-ndjson",
				TestRecords.ndjson(List.of(withExternalId(record()), withExternalId(record()))));
		assertThat(batch.statusCode()).isEqualTo(200);
		mapper.readTree(batch.body()).get("items").forEach((item) -> ids.add(item.get("id").stringValue()));

		Schema schema = contractSchema();
		List<ConsumerRecord<String, String>> events = RecordsTopic.readAll(this.infrastructure.kafkaBootstrapServers());
		assertThat(events).extracting(ConsumerRecord::key).containsAll(ids);
		for (ConsumerRecord<String, String> event : events) {
			JsonNode value = mapper.readTree(event.value());
			List<Error> errors = schema.validate(value);
			assertThat(errors).as("schema errors of %s", event.value()).isEmpty();
			assertThat(event.key()).isEqualTo(value.get("id").stringValue());
			assertThat(RecordsTopic.header(event, "ce_id")).isEqualTo(event.key());
			assertThat(RecordsTopic.header(event, "ce_type")).isEqualTo("dev.herald.record.published.v1");
			assertThat(RecordsTopic.header(event, "ce_specversion")).isEqualTo("1.0");
			assertThat(RecordsTopic.header(event, "ce_source")).isEqualTo("/herald/ingest-service");
			assertThat(RecordsTopic.header(event, "ce_time")).isEqualTo(value.get("publishedAt").stringValue());
			assertThat(RecordsTopic.header(event, "content-type")).isEqualTo("application/json");
			assertThat(RecordsTopic.header(event, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
		}
	}

	/**
	 * Every valid example of the contract as an operator would post it, and records at
	 * the edges of what the service accepts.
	 */
	private static List<Map<String, Object>> variedRecords() throws IOException {
		List<Map<String, Object>> records = new ArrayList<>();
		for (Resource example : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:herald/contracts/examples/valid/*.json")) {
			records.add(asPosted(example));
		}
		Map<String, Object> minimal = new LinkedHashMap<>();
		minimal.put("kind", "STATEMENT");
		minimal.put("title", "Minimal " + UUID.randomUUID());
		minimal.put("body", "Body only.\n\nSecond paragraph.");
		minimal.put("occurredOn", "1900-01-01");
		minimal.put("organization", "ОДКБ");
		minimal.put("language", "sr-Latn-RS");
		records.add(minimal);
		Map<String, Object> largest = record("🚀".repeat(499) + "Ж");
		largest.put("summary", "Сводка ".repeat(714) + "xx");
		largest.put("body", "Заседание\tСовета\r\n".repeat(5000));
		largest.put("participants", IntStream.range(0, 200).mapToObj((i) -> "Участник " + i).toList());
		largest.put("bodies", IntStream.range(0, 50).mapToObj((i) -> "Совет " + i).toList());
		largest.put("documentSymbols", IntStream.range(0, 50).mapToObj((i) -> "S/2021/" + i).toList());
		largest.put("place", Map.of("city", "ж".repeat(100), "country", "🇧🇾"));
		largest.put("organization", "<b>CSTO</b> & \"friends\" " + "x".repeat(170));
		largest.put("sourceUrl", "https://undocs.org/en/A/75/906?lang=ru&x=%D0%96#frag");
		records.add(largest);
		return records;
	}

	private static Map<String, Object> asPosted(Resource example) throws IOException {
		try (InputStream in = example.getInputStream()) {
			@SuppressWarnings("unchecked")
			Map<String, Object> record = mapper.readValue(in, LinkedHashMap.class);
			// The examples are events: an operator sends only the record's own fields.
			record.keySet().retainAll(FIELDS);
			return record;
		}
	}

	private static Map<String, Object> withExternalId(Map<String, Object> record) {
		record.put("externalId", UUID.randomUUID().toString());
		return record;
	}

	private static Schema contractSchema() throws IOException {
		try (InputStream in = new ClassPathResource("herald/contracts/record-published.v1.schema.json")
			.getInputStream()) {
			SchemaRegistryConfig config = SchemaRegistryConfig.builder()
				.formatAssertionsEnabled(true)
				.pathType(PathType.JSON_POINTER)
				.build();
			return SchemaRegistry
				.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
						(builder) -> builder.schemaRegistryConfig(config))
				.getSchema(mapper.readTree(in));
		}
	}

}
