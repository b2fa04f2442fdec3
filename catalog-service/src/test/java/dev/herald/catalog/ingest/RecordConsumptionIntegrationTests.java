package dev.herald.catalog.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.herald.catalog.CatalogHttp;
import dev.herald.catalog.CatalogIntegrationTest;
import dev.herald.catalog.KafkaTestClient;
import dev.herald.catalog.TestRecords;
import dev.herald.catalog.record.RecordDocument;
import dev.herald.contracts.ContractViolation;
import dev.herald.localstack.test.HeraldInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumption end to end, from a plain Kafka producer to the API, on the real broker and
 * the MongoDB-protocol server.
 */
@CatalogIntegrationTest
class RecordConsumptionIntegrationTests {

	private static final Set<String> CONTRACT_FIELDS = Set.of("id", "kind", "title", "summary", "body", "occurredOn",
			"place", "organization", "bodies", "participants", "documentSymbols", "topics", "language", "sourceUrl",
			"publishedAt", "publishedBy");

	private static KafkaTestClient kafka;

	@LocalServerPort
	private int port;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@BeforeAll
	static void connect() {
		kafka = new KafkaTestClient(HeraldInfrastructure.get());
	}

	@AfterAll
	static void disconnect() {
		kafka.close();
	}

	@Test
	void everyValidExampleShouldShowUpThroughTheApiWithEveryFieldIntact() {
		List<Resource> examples = TestRecords.validExamples();
		assertThat(examples).isNotEmpty();
		examples.forEach((example) -> kafka.publish(TestRecords.json(example)));
		CatalogHttp http = new CatalogHttp(this.port);
		for (Resource example : examples) {
			ObjectNode expected = TestRecords.json(example);
			String id = expected.get("id").asString();
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> http.get("/api/v1/records/" + id).getStatusCode().is2xxSuccessful());
			JsonNode actual = http.json("/api/v1/records/" + id);
			for (String field : CONTRACT_FIELDS) {
				if (!expected.has(field)) {
					assertThat(actual.has(field)).as("%s: %s absent", example.getFilename(), field).isFalse();
				}
				else if (field.equals("publishedAt")) {
					assertThat(Instant.parse(actual.get(field).asString()))
						.isEqualTo(Instant.parse(expected.get(field).asString()));
				}
				else {
					assertThat(actual.get(field)).as("%s: %s", example.getFilename(), field)
						.isEqualTo(expected.get(field));
				}
			}
			assertThat(actual.at("/links/html").asString()).endsWith("/records/" + id);
		}
	}

	@Test
	void sameEventsPublishedThreeTimesInShuffledOrderShouldLeaveExactlyOneDocumentEach() {
		String organization = TestRecords.uniqueOrganization();
		List<ObjectNode> events = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ObjectNode event = TestRecords.meeting(organization);
			event.put("title", "Meeting number " + i);
			events.add(event);
		}
		List<ObjectNode> deliveries = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			deliveries.addAll(events);
		}
		Collections.shuffle(deliveries, new Random(7));
		double skippedBefore = this.meters.counter("herald.catalog.duplicates.skipped").count();
		kafka.publishAll(deliveries);
		kafka.awaitConsumed(KafkaTestClient.GROUP, KafkaTestClient.RECORDS);
		Query byOrganization = new Query(Criteria.where("organization").is(organization));
		assertThat(this.mongo.count(byOrganization, RecordDocument.class)).isEqualTo(30);
		for (ObjectNode event : events) {
			assertThat(this.mongo.findById(event.get("id").asString(), RecordDocument.class).title())
				.isEqualTo(event.get("title").asString());
		}
		assertThat(this.meters.counter("herald.catalog.duplicates.skipped").count() - skippedBefore)
			.isGreaterThanOrEqualTo(60);
	}

	@Test
	void olderRevisionPublishedAfterNewerShouldNotWin() {
		ObjectNode event = TestRecords.meeting(TestRecords.uniqueOrganization());
		String id = event.get("id").asString();
		kafka.publish(TestRecords.revision(event, Instant.parse("2024-05-01T10:00:00.000002Z"), "Second revision"));
		kafka.publish(TestRecords.revision(event, Instant.parse("2024-05-01T10:00:00.000001Z"), "First revision"));
		kafka.awaitConsumed(KafkaTestClient.GROUP, KafkaTestClient.RECORDS);
		CatalogHttp http = new CatalogHttp(this.port);
		assertThat(http.json("/api/v1/records/" + id).get("title").asString()).isEqualTo("Second revision");
		kafka.publish(TestRecords.revision(event, Instant.parse("2024-05-02T10:00:00Z"), "Third revision"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(http.json("/api/v1/records/" + id).get("title").asString())
				.isEqualTo("Third revision"));
		assertThat(http.json("/api/v1/records/" + id).get("publishedAt").asString()).isEqualTo("2024-05-02T10:00:00Z");
	}

	@Test
	void poisonMessagesShouldBeDeadLetteredAndRecordsBehindThemOnThePartitionStored() {
		int partition = 3;
		String organization = TestRecords.uniqueOrganization();
		String notJsonKey = "poison-" + organization;
		byte[] notJson = "this is {not JSON".getBytes(StandardCharsets.UTF_8);
		ObjectNode breaksSchema = TestRecords.meeting(organization);
		breaksSchema.put("kind", "SPEECH");
		breaksSchema.remove("title");
		ObjectNode before = TestRecords.meeting(organization);
		ObjectNode behind = TestRecords.meeting(organization);
		ObjectNode furtherBehind = TestRecords.meeting(organization);
		double deadLetteredBefore = this.meters.counter("herald.catalog.deadlettered").count();
		kafka.send(KafkaTestClient.RECORDS, partition, before.get("id").asString(), TestRecords.bytes(before));
		kafka.send(KafkaTestClient.RECORDS, partition, notJsonKey, notJson);
		kafka.send(KafkaTestClient.RECORDS, partition, breaksSchema.get("id").asString(),
				TestRecords.bytes(breaksSchema));
		kafka.send(KafkaTestClient.RECORDS, partition, behind.get("id").asString(), TestRecords.bytes(behind));
		kafka.send(KafkaTestClient.RECORDS, partition, furtherBehind.get("id").asString(),
				TestRecords.bytes(furtherBehind));
		Query byOrganization = new Query(Criteria.where("organization").is(organization));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.mongo.count(byOrganization, RecordDocument.class) == 3);
		assertThat(this.mongo.findById(breaksSchema.get("id").asString(), RecordDocument.class)).isNull();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ConsumerRecord<String, byte[]>> deadLetters = kafka.readAll(KafkaTestClient.DEAD_LETTERS);
			ConsumerRecord<String, byte[]> first = find(deadLetters, notJsonKey);
			assertThat(first.value()).isEqualTo(notJson);
			assertThat(header(first, "kafka_dlt-original-topic")).isEqualTo(KafkaTestClient.RECORDS);
			assertThat(first.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
			assertThat(first.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
			assertThat(header(first, "kafka_dlt-exception-fqcn")).as(headers(first)).isNotBlank();
			assertThat(header(first, "kafka_dlt-exception-stacktrace")).contains("ContractViolation");
			assertThat(header(first, DeadLetterReason.HEADER)).startsWith("Value is not a JSON document");
			assertThat(header(first, "ce_type")).isEqualTo("dev.herald.record.published.v1");
			ConsumerRecord<String, byte[]> second = find(deadLetters, breaksSchema.get("id").asString());
			assertThat(TestRecords.JSON.readTree(second.value())).isEqualTo(breaksSchema);
			assertThat(header(second, DeadLetterReason.HEADER)).contains("record-published.v1.schema.json", "kind",
					"title");
		});
		assertThat(this.meters.counter("herald.catalog.deadlettered").count() - deadLetteredBefore)
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void aCraftedMegabyteShouldBeDeadLetteredAtOnceAndTheRecordBehindItStored() {
		int partition = 4;
		String organization = TestRecords.uniqueOrganization();
		ObjectNode crafted = TestRecords.meeting(organization);
		// A slug the JDK's regex engine recurses on once per "a-": a megabyte of them
		// overflowed its stack inside the deserializer.
		crafted.putArray("topics").add("a-".repeat(500_000) + "!");
		ObjectNode behind = TestRecords.meeting(organization);
		kafka.send(KafkaTestClient.RECORDS, partition, crafted.get("id").asString(), TestRecords.bytes(crafted));
		kafka.send(KafkaTestClient.RECORDS, partition, behind.get("id").asString(), TestRecords.bytes(behind));

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.mongo.findById(behind.get("id").asString(), RecordDocument.class) != null);
		assertThat(this.mongo.findById(crafted.get("id").asString(), RecordDocument.class)).isNull();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					header(find(kafka.readAll(KafkaTestClient.DEAD_LETTERS), crafted.get("id").asString()),
							DeadLetterReason.HEADER))
				.contains("topics"));
	}

	private static ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> records, String key) {
		return records.stream()
			.filter((record) -> key.equals(record.key()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No dead letter with key " + key));
	}

	private static String headers(ConsumerRecord<String, byte[]> record) {
		StringBuilder text = new StringBuilder();
		for (Header header : record.headers()) {
			String value = new String(header.value(), StandardCharsets.UTF_8);
			text.append(header.key()).append('=').append(value, 0, Math.min(value.length(), 300)).append('\n');
		}
		return text.toString();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
