package dev.herald.catalog.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.herald.catalog.CatalogHttp;
import dev.herald.catalog.KafkaTestClient;
import dev.herald.catalog.TestRecords;
import dev.herald.localstack.test.HeraldInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A MongoDB outage pauses consumption and loses nothing: no offset is committed past the
 * records that could not be written, nothing is dead-lettered, and the records are stored
 * once MongoDB is back.
 * <p>
 * This class runs the catalog against a MongoDB-protocol server of its own, which it can
 * stop and start, and on a topic and consumer group of its own; its context is closed
 * after the class so that it does not keep consuming beside the shared one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
				"logging.level.state.change.logger=WARN", "logging.level.org.mongodb.driver=ERROR",
				"herald.catalog.mongo-timeout=1s", "herald.catalog.outage-retry.initial-interval=200ms",
				"herald.catalog.outage-retry.max-interval=1s",
				"herald.catalog.records-topic=" + MongoOutageIntegrationTests.TOPIC,
				"spring.kafka.consumer.group-id=" + MongoOutageIntegrationTests.GROUP })
@DirtiesContext
class MongoOutageIntegrationTests {

	static final String TOPIC = "herald.records.v1.outage-test";

	static final String GROUP = "catalog-outage-test";

	private static final int MONGO_PORT = freePort();

	private static MongoServer mongo = startMongo();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		HeraldInfrastructure infrastructure = HeraldInfrastructure.get();
		infrastructure.createTopic(TOPIC, 1);
		registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
		registry.add("spring.mongodb.uri", () -> "mongodb://localhost:" + MONGO_PORT);
	}

	@AfterAll
	static void stopMongo() {
		mongo.shutdownNow();
	}

	@Test
	void outageShouldPauseConsumptionAndLoseNothing() {
		String organization = TestRecords.uniqueOrganization();
		ObjectNode before = TestRecords.meeting(organization);
		ObjectNode during = TestRecords.meeting(organization);
		ObjectNode alsoDuring = TestRecords.meeting(organization);
		CatalogHttp http = new CatalogHttp(this.port);
		try (KafkaTestClient kafka = new KafkaTestClient(HeraldInfrastructure.get())) {
			kafka.publish(TOPIC, before);
			await().atMost(Duration.ofSeconds(60)).until(() -> stored(http, before));
			mongo.shutdownNow();
			kafka.publish(TOPIC, during);
			kafka.publish(TOPIC, alsoDuring);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> http.get("/actuator/health/readiness").getStatusCode().value() == 503);
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(10))
				.until(() -> committedOffset(kafka) == 1L);
			mongo = startMongo();
			await().atMost(Duration.ofSeconds(60)).until(() -> stored(http, during) && stored(http, alsoDuring));
			await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(kafka) == 3L);
			assertThat(kafka.readAll(TOPIC + "." + GROUP + ".dlt")).isEmpty();
		}
	}

	private static boolean stored(CatalogHttp http, ObjectNode event) {
		return http.get("/api/v1/records/" + event.get("id").asString()).getStatusCode().is2xxSuccessful();
	}

	private static long committedOffset(KafkaTestClient kafka) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				HeraldInfrastructure.get().kafkaBootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get();
			OffsetAndMetadata committed = offsets.get(new TopicPartition(TOPIC, 0));
			return (committed != null) ? committed.offset() : 0L;
		}
	}

	private static MongoServer startMongo() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind(new InetSocketAddress("localhost", MONGO_PORT));
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
