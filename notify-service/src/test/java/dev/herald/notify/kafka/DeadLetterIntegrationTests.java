package dev.herald.notify.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.herald.localstack.test.HeraldInfrastructure;
import dev.herald.notify.NotifyIntegrationTest;
import dev.herald.notify.RecordsTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message that cannot be read goes to its dead-letter topic at once, and the listener
 * goes on with the next ones.
 */
@NotifyIntegrationTest
class DeadLetterIntegrationTests {

	private final HeraldInfrastructure infra = HeraldInfrastructure.get();

	@Test
	void unreadableRecordEventShouldGoToTheDeadLetterTopicAndNotStallThePartition() {
		String key = UUID.randomUUID().toString();
		try (RecordsTopic records = new RecordsTopic(this.infra)) {
			var poison = records.send(RecordsTopic.RECORDS, key, "{not json", "dev.herald.record.published.v1");
			var missingTitle = records.send(RecordsTopic.RECORDS, key,
					"{\"id\":\"" + key + "\",\"kind\":\"MEETING\",\"topics\":[]}", "dev.herald.record.published.v1");
			records.awaitConsumed(poison, missingTitle);
		}
		List<ConsumerRecord<String, String>> dead = awaitDeadLetters("herald.records.v1.notify-service.dlt", key, 2);
		assertThat(dead).extracting(ConsumerRecord::value)
			.containsExactly("{not json", "{\"id\":\"" + key + "\",\"kind\":\"MEETING\",\"topics\":[]}");
		assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value()))
			.contains("not valid JSON");
	}

	@Test
	void unreadableDeliveryEventShouldGoToTheDeadLetterTopic() {
		String key = UUID.randomUUID().toString();
		try (RecordsTopic topics = new RecordsTopic(this.infra)) {
			topics.send("herald.deliveries.v1", key, "{\"deliveryId\":\"forged\",\"recordId\":\"x\"}",
					"dev.herald.notify.delivery.requested.v1");
		}
		assertThat(awaitDeadLetters("herald.deliveries.v1.notify-service.dlt", key, 1)).singleElement()
			.extracting(ConsumerRecord::value)
			.isEqualTo("{\"deliveryId\":\"forged\",\"recordId\":\"x\"}");
	}

	private List<ConsumerRecord<String, String>> awaitDeadLetters(String topic, String key, int count) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infra.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (key.equals(record.key())) {
						found.add(record);
					}
				});
				return found.size() >= count;
			});
		}
		return found;
	}

}
