package dev.herald.notify.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.herald.notify.NotifyIntegrationTest;
import dev.herald.notify.NotifyScenarioSupport;
import dev.herald.notify.RecordsTopic;
import dev.herald.notify.Subscribers;
import dev.herald.notify.TestRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message that breaks the contract goes to the dead-letter topic at once, as it came,
 * and the listener goes on with the next ones; an operator re-drives the dead-letter
 * topic after a fix, and what the contract now accepts is matched and sent once.
 */
@NotifyIntegrationTest
public class DeadLetterIntegrationTests extends NotifyScenarioSupport {

	public static final String DEAD_LETTERS = "herald.records.v1.notify-service.dlt";

	private static final String ADMIN_KEY = "dev-admin-key-change-me";

	@Test
	void messagesBreakingTheContractShouldGoToTheDeadLetterTopicAndNotStallThePartition() {
		String key = UUID.randomUUID().toString();
		String email = Subscribers.newAddress("after-poison");
		String topic = "dead-letters-" + key.substring(0, 8);
		this.subscribers.subscribeAndConfirm(email, topic);
		TestRecords valid = TestRecords.meeting(topic);
		String missingTitle = "{\"id\":\"" + key + "\",\"kind\":\"MEETING\",\"topics\":[]}";
		var poison = this.records.send(RecordsTopic.RECORDS, key, "{not json", "dev.herald.record.published.v1");
		var invalid = this.records.send(RecordsTopic.RECORDS, key, missingTitle, "dev.herald.record.published.v1");
		var after = this.records.send(RecordsTopic.RECORDS, valid.id(), valid.json(), "dev.herald.record.published.v1");
		this.records.awaitConsumed(poison, invalid, after);

		List<ConsumerRecord<String, String>> dead = awaitDeadLetters(key, 2);
		assertThat(dead).extracting(ConsumerRecord::value).containsExactly("{not json", missingTitle);
		assertThat(new String(dead.get(1).headers().lastHeader("kafka_dlt-exception-message").value()))
			.contains("title");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, valid.title()).size() == 1);
		assertThat(deadLetters(this.infra.kafkaBootstrapServers()))
			.noneMatch((record) -> valid.id().equals(record.key()));
	}

	@Test
	void aCraftedMegabyteShouldBeRefusedAtOnceAndTheRecordBehindItMatched() {
		String email = Subscribers.newAddress("after-crafted");
		String topic = "crafted-" + UUID.randomUUID().toString().substring(0, 8);
		this.subscribers.subscribeAndConfirm(email, topic);
		TestRecords valid = TestRecords.meeting(topic);
		// A slug the JDK's regex engine recurses on once per "a-": a megabyte of them
		// overflowed its stack.
		ObjectNode crafted = (ObjectNode) JsonMapper.builder().build().readTree(valid.json());
		crafted.putArray("topics").add("a-".repeat(500_000) + "!");
		// The same key: the crafted message and the record behind it share a partition.
		var poison = this.records.send(RecordsTopic.RECORDS, valid.id(), crafted.toString(),
				"dev.herald.record.published.v1");
		var after = this.records.send(RecordsTopic.RECORDS, valid.id(), valid.json(), "dev.herald.record.published.v1");
		this.records.awaitConsumed(poison, after);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.mailbox.to(email, valid.title()).size() == 1);
		List<ConsumerRecord<String, String>> dead = awaitDeadLetters(valid.id(), 1);
		assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value()))
			.contains("topics");
	}

	@Test
	void redriveShouldMatchWhatTheContractNowAcceptsOnceAndReportTheRest() {
		String email = Subscribers.newAddress("redriven");
		String topic = "redrive-" + UUID.randomUUID().toString().substring(0, 8);
		this.subscribers.subscribeAndConfirm(email, topic);
		TestRecords refusedBefore = TestRecords.meeting(topic);
		String stillBroken = UUID.randomUUID().toString();
		// As an earlier version, which refused this valid record, left them.
		this.records.send(DEAD_LETTERS, refusedBefore.id(), refusedBefore.json(), "dev.herald.record.published.v1");
		this.records.send(DEAD_LETTERS, stillBroken, "{\"id\":\"" + stillBroken + "\"}",
				"dev.herald.record.published.v1");

		for (int run = 0; run < 2; run++) {
			var result = assertThat(
					this.mvc.post().uri("/api/v1/admin/dead-letters/records/redrive").header("X-Admin-Key", ADMIN_KEY))
				.hasStatusOk()
				.bodyJson();
			if (run == 0) {
				result.extractingPath("$.matched").asNumber().satisfies((n) -> assertThat(n.intValue()).isPositive());
				result.extractingPath("$.refused[*].key").asArray().contains(stillBroken);
			}
			else {
				// Only what arrived since the first re-drive is read again.
				result.extractingPath("$.refused[*].key").asArray().doesNotContain(stillBroken);
			}
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, refusedBefore.title()).size() == 1);
		assertThat(this.mvc.post().uri("/api/v1/admin/dead-letters/records/redrive").header("X-Admin-Key", "wrong-key"))
			.hasStatus(401);
	}

	private List<ConsumerRecord<String, String>> awaitDeadLetters(String key, int count) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			found.clear();
			deadLetters(this.infra.kafkaBootstrapServers()).stream()
				.filter((record) -> key.equals(record.key()))
				.forEach(found::add);
			return found.size() >= count;
		});
		return found;
	}

	/**
	 * Everything in the dead-letter topic now.
	 * @param bootstrapServers the broker
	 * @return its messages, as text
	 */
	public static List<ConsumerRecord<String, String>> deadLetters(String bootstrapServers) {
		return deadLetters(bootstrapServers, DEAD_LETTERS);
	}

	/**
	 * Everything in a dead-letter topic now.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @return its messages, as text
	 */
	public static List<ConsumerRecord<String, String>> deadLetters(String bootstrapServers, String topic) {
		List<ConsumerRecord<String, String>> all = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"dlt-reader-" + UUID.randomUUID()),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(Duration.ofMillis(500)).forEach(all::add);
			}
		}
		return all;
	}

}
