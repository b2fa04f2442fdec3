package dev.herald.catalog;

import java.time.Duration;

import dev.herald.catalog.record.RecordDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as a whole: it starts, reaches its infrastructure and reports on it.
 */
@CatalogIntegrationTest
class CatalogApplicationIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private CatalogProperties properties;

	private CatalogHttp http() {
		return new CatalogHttp(this.port);
	}

	@Test
	void documentWrittenShouldBeReadBackFromMongo() {
		RecordDocument written = TestDocuments.meeting("Written and read back", "2023-11-22");
		this.mongo.insert(written);
		RecordDocument read = this.mongo.findById(written.id(), RecordDocument.class);
		assertThat(read).usingRecursiveComparison().ignoringFields("storedAt").isEqualTo(written);
		assertThat(this.mongo.getDb().getName()).isEqualTo("catalog");
		assertThat(http().json("/api/v1/records/" + written.id()).get("title").asString())
			.isEqualTo("Written and read back");
	}

	@Test
	void searchesShouldRunOneAtATimeOnTheMongoDbProtocolServerOfTheLocalProfile() {
		// That server does one command on a collection at a time: more searches at once
		// would only queue inside it, ahead of the writes of records.
		assertThat(this.properties.maxConcurrentSearches()).isEqualTo(1);
	}

	@Test
	void readinessShouldBeUpWithKafkaAndMongo() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode readiness = http().json("/actuator/health/readiness");
			assertThat(readiness.get("status").asString()).isEqualTo("UP");
			assertThat(readiness.at("/components/kafka/status").asString()).isEqualTo("UP");
			assertThat(readiness.at("/components/mongo/status").asString()).isEqualTo("UP");
			assertThat(readiness.at("/components/readinessState/status").asString()).isEqualTo("UP");
		});
		assertThat(http().json("/actuator/health/liveness").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void openApiShouldDescribeEveryEndpointWithExamples() {
		JsonNode api = http().json("/v3/api-docs");
		assertThat(api.at("/paths").propertyNames()).contains("/api/v1/records", "/api/v1/records/{id}",
				"/api/v1/topics", "/feeds/records.atom");
		JsonNode list = api.at("/paths/~1api~1v1~1records/get");
		assertThat(list.get("parameters").findValuesAsString("name")).contains("q", "topic", "kind", "organization",
				"symbol", "from", "to", "lang", "size", "cursor");
		assertThat(api.toString()).contains("A/75/906", "\"parameter\":\"cursor\"", "information-security");
	}

	@Test
	void prometheusShouldExposeTheCatalogMetersAndConsumerLag() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String metrics = http().get("/actuator/prometheus").getBody();
			assertThat(metrics).contains("herald_catalog_records_stored_total",
					"herald_catalog_duplicates_skipped_total", "herald_catalog_deadlettered_total",
					"herald_catalog_store_latency_seconds", "kafka_consumer_fetch_manager_records_lag_max");
		});
	}

}
