package dev.herald.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.herald.localstack.mongo.MongoServerRunner;
import dev.herald.localstack.test.HeraldInfrastructure;
import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.matching.DeadLetterIntegrationTests;
import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A MongoDB outage longer than many rounds of the back-off (which has no last attempt)
 * pauses consumption without committing past what could not be matched, shows in
 * readiness, dead-letters nothing, and loses nothing: once MongoDB is back, every
 * subscriber gets each record's alert once.
 * <p>
 * The service runs here against a MongoDB-protocol server of its own that keeps its data
 * in a file, so that it can stop and start it as a real outage would, on a records topic
 * and consumer group of its own; its context is closed after the class.
 */
@SpringBootTest(properties = { "spring.kafka.consumer.group-id=" + MongoOutageIntegrationTests.GROUP,
		"herald.notify.kafka.records-topic=" + MongoOutageIntegrationTests.TOPIC,
		"herald.notify.retry.initial-interval=200ms", "herald.notify.retry.max-interval=1s",
		"herald.notify.delivery.scan-interval=200ms", "logging.level.org.mongodb.driver=ERROR",
		"logging.level.dev.herald.notify=ERROR", "logging.level.org.springframework.kafka=ERROR" })
@AutoConfigureMockMvc
@DirtiesContext
class MongoOutageIntegrationTests {

	static final String TOPIC = "herald.records.v1.mongo-outage";

	static final String GROUP = "notify-mongo-outage";

	/** Many rounds of this class's back-off (200 ms, doubling, at most 1 s). */
	private static final Duration OUTAGE = Duration.ofSeconds(12);

	private static final Path DATA = temporaryFolder();

	private static final MongoServerRunner mongoServer = MongoServerRunner.persistent(DATA, 0).start();

	private final HeraldInfrastructure infra = HeraldInfrastructure.get();

	private final Mailbox mailbox = new Mailbox(this.infra);

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private DeliveryLedger ledger;

	@Autowired
	private MockMvcTester mvc;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		HeraldInfrastructure infrastructure = HeraldInfrastructure.get();
		infrastructure.createTopic(TOPIC, 1);
		registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
		registry.add("spring.mail.host", infrastructure::smtpHost);
		registry.add("spring.mail.port", infrastructure::smtpPort);
		registry.add("spring.mongodb.uri", () -> mongoServer.connectionString()
				+ "/?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000&socketTimeoutMS=5000");
	}

	@AfterAll
	static void stopMongo() {
		mongoServer.stop();
	}

	@Test
	void outageShouldPauseMatchingAndSendingThenDeliverEverythingOnce() throws Exception {
		String topic = "mongo-outage-" + UUID.randomUUID().toString().substring(0, 8);
		Subscriber one = seed(Subscribers.newAddress("outage-1"), topic);
		Subscriber two = seed(Subscribers.newAddress("outage-2"), topic);
		TestRecords before = TestRecords.meeting(topic);
		TestRecords during = TestRecords.meeting(topic);
		TestRecords alsoDuring = TestRecords.meeting(topic);
		try (RecordsTopic records = new RecordsTopic(this.infra)) {
			records.send(TOPIC, before.id(), before.json(), "dev.herald.record.published.v1");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.mailbox.to(two.email(), before.title()).size() == 1);
			await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset() == 1L);

			mongoServer.stop();
			try {
				records.send(TOPIC, during.id(), during.json(), "dev.herald.record.published.v1");
				records.send(TOPIC, alsoDuring.id(), alsoDuring.json(), "dev.herald.record.published.v1");
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(this.mvc.get().uri("/actuator/health/readiness"))
						.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
						.bodyJson()
						.extractingPath("$.components.mongo.status")
						.isEqualTo("DOWN"));
				await().during(OUTAGE)
					.atMost(OUTAGE.plusSeconds(5))
					.until(() -> committedOffset() == 1L && this.mailbox.to(one.email(), during.title()).isEmpty());
			}
			finally {
				mongoServer.start();
			}
		}
		for (Subscriber subscriber : List.of(one, two)) {
			for (TestRecords record : List.of(during, alsoDuring)) {
				await().atMost(Duration.ofSeconds(60))
					.until(() -> status(Delivery.idOf(record.id(), subscriber.id())) == DeliveryStatus.SENT);
			}
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset() == 3L);
		for (Subscriber subscriber : List.of(one, two)) {
			for (TestRecords record : List.of(before, during, alsoDuring)) {
				assertThat(this.mailbox.to(subscriber.email(), record.title())).hasSize(1);
			}
		}
		assertThat(DeadLetterIntegrationTests.deadLetters(this.infra.kafkaBootstrapServers(),
				TOPIC + "." + GROUP + ".dlt"))
			.isEmpty();
	}

	private DeliveryStatus status(String entryId) {
		Delivery entry = this.ledger.findById(entryId);
		return (entry != null) ? entry.status() : null;
	}

	private Subscriber seed(String email, String topic) {
		Instant now = Instant.now();
		return this.mongo.insert(new Subscriber(UUID.randomUUID().toString(), email, email, List.of(topic),
				SubscriberStatus.ACTIVE, Schedule.immediate(), "en", now, now, now, null, 0, 0L, null));
	}

	private long committedOffset() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infra.kafkaBootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			OffsetAndMetadata committed = offsets.get(new TopicPartition(TOPIC, 0));
			return (committed != null) ? committed.offset() : 0L;
		}
	}

	private static Path temporaryFolder() {
		try {
			Path folder = Files.createTempDirectory("notify-mongo-outage");
			folder.toFile().deleteOnExit();
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
