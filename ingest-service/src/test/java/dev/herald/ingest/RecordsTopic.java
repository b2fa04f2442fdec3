package dev.herald.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads the records topic with a plain Kafka consumer, nothing of Spring in between.
 */
public final class RecordsTopic {

	public static final String NAME = "herald.records.v1";

	private RecordsTopic() {
	}

	/**
	 * Reads every message on the topic, from the beginning up to the end offsets at the
	 * time of the call.
	 * @param bootstrapServers the broker
	 * @return the messages
	 */
	public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "records-topic-reader-" + UUID.randomUUID());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			List<TopicPartition> partitions = consumer.partitionsFor(NAME, Duration.ofSeconds(30))
				.stream()
				.map((partition) -> new TopicPartition(NAME, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(1))
				.until(() -> {
					consumer.poll(Duration.ofMillis(200)).forEach(records::add);
					return partitions.stream()
						.allMatch((partition) -> consumer.position(partition) >= end.get(partition));
				});
			return records;
		}
	}

	/**
	 * Returns a header's value as text.
	 * @param record the message
	 * @param name the header
	 * @return its last value, or {@code null}
	 */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
