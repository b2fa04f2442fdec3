package dev.herald.catalog.record;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.herald.catalog.CatalogHttp;
import dev.herald.catalog.CatalogIntegrationTest;
import dev.herald.catalog.KafkaTestClient;
import dev.herald.catalog.TestRecords;
import dev.herald.localstack.test.HeraldInfrastructure;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the public endpoints ask of MongoDB, read from the commands the real driver sends
 * while serving them: every query carries a time limit, the language filter is an
 * equality on its index (no regular expression), and concurrent readers of the topic
 * counts share one aggregation.
 */
@CatalogIntegrationTest
@Import(QueryCostIntegrationTests.Commands.class)
@TestPropertySource(properties = "herald.catalog.topic-counts-ttl=1h")
class QueryCostIntegrationTests {

	/** The commands sent on the threads that serve requests. */
	static final List<BsonDocument> served = new CopyOnWriteArrayList<>();

	private static KafkaTestClient kafka;

	private static String organization;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void publish() {
		kafka = new KafkaTestClient(HeraldInfrastructure.get());
		organization = TestRecords.uniqueOrganization();
		ObjectNode british = TestRecords.meeting(organization);
		british.put("language", "en-GB");
		ObjectNode russian = TestRecords.meeting(organization);
		russian.put("language", "ru");
		kafka.publishAll(List.of(british, russian));
	}

	@AfterAll
	static void disconnect() {
		kafka.close();
	}

	@BeforeEach
	void awaitStored() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http().json("/api/v1/records?organization=" + organization).get("items").size() == 2);
		served.clear();
	}

	@Test
	void everyPublicQueryShouldCarryATimeLimit() {
		String id = http().json("/api/v1/records?organization=" + organization)
			.get("items")
			.get(0)
			.get("id")
			.asString();
		for (String path : List.of("/api/v1/records?organization=" + organization,
				"/api/v1/records?q=meeting&topic=peacekeeping&kind=MEETING&lang=en&from=2020-01-01&to=2030-01-01",
				"/api/v1/records?symbol=A/75/*", "/api/v1/records/" + id, "/feeds/records.atom?lang=ru",
				"/records?organization=" + organization, "/records/" + id, "/api/v1/topics")) {
			assertThat(http().get(path).getStatusCode().value()).as(path).isEqualTo(200);
		}
		List<BsonDocument> queries = served.stream()
			.filter((command) -> command.containsKey("find") || command.containsKey("aggregate"))
			.toList();
		assertThat(queries).hasSizeGreaterThanOrEqualTo(8)
			.allSatisfy((command) -> assertThat(command.containsKey("maxTimeMS")).as(command.toJson()).isTrue());
	}

	@Test
	void theLanguageFilterShouldBeAnEqualityOnItsIndexAndFindSubtags() {
		assertThat(http().json("/api/v1/records?organization=" + organization + "&lang=en").get("items").size())
			.isOne();
		assertThat(http().json("/api/v1/records?organization=" + organization + "&lang=EN-gb").get("items").size())
			.isOne();
		assertThat(http().json("/api/v1/records?organization=" + organization + "&lang=ru").get("items").size())
			.isOne();
		assertThat(http().json("/api/v1/records?organization=" + organization + "&lang=de").get("items").size())
			.isZero();
		assertThat(served).filteredOn((command) -> command.containsKey("find"))
			.allSatisfy((command) -> assertThat(command.toJson()).contains("\"languages\"").doesNotContain("$regex"));
		assertThat(RecordIndexes.INDEXES)
			.anySatisfy((index) -> assertThat(index.getIndexKeys().keySet()).first().isEqualTo("languages"));
	}

	@Test
	void concurrentReadersOfTheTopicCountsShouldShareOneAggregation() throws Exception {
		http().json("/api/v1/topics");
		served.clear();
		ExecutorService readers = Executors.newFixedThreadPool(20);
		try {
			List<Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 50; i++) {
				answers.add(readers.submit(() -> http().get("/api/v1/topics").getStatusCode().value()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			readers.shutdown();
		}
		assertThat(served).filteredOn((command) -> command.containsKey("aggregate")).isEmpty();
	}

	private CatalogHttp http() {
		return new CatalogHttp(this.port);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Commands {

		@Bean
		MongoClientSettingsBuilderCustomizer servedCommands() {
			CommandListener listener = new CommandListener() {
				@Override
				public void commandStarted(CommandStartedEvent event) {
					if (Thread.currentThread().getName().startsWith("http-nio")) {
						served.add(event.getCommand().clone());
					}
				}
			};
			return (settings) -> settings.addCommandListener(listener);
		}

	}

}
