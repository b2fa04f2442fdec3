package dev.herald.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A malformed message written straight to {@code herald.records.v1} ends in both
 * services' dead-letter topics, and the records behind it on the same partition flow on;
 * what the services log about it carries the trace id it came with.
 */
@ExtendWith(HeraldSystemExtension.class)
class PoisonE2ETests {

	private static final String TOPIC = "herald.records.v1";

	private static final int PARTITION = 3;

	@Test
	void malformedMessageShouldReachBothDeadLetterTopicsAndTheRecordsBehindItFlowOn(HeraldSystem system) {
		String poisonKey = "poison-" + UUID.randomUUID();
		String recordId = UUID.randomUUID().toString();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		try (KafkaProducer<String, byte[]> producer = system.kafkaProducer()) {
			ProducerRecord<String, byte[]> poison = new ProducerRecord<>(TOPIC, PARTITION, poisonKey,
					"{\"title\": \"unterminated".getBytes(StandardCharsets.UTF_8));
			poison.headers()
				.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
			producer.send(poison);
			producer.send(new ProducerRecord<>(TOPIC, PARTITION, recordId,
					Records.event(system.projectRoot(), recordId, "Record behind a poison message " + recordId)));
			producer.flush();
		}

		Catalog catalog = new Catalog(system);
		await().atMost(Duration.ofMinutes(2)).until(() -> catalog.record(recordId).status() == 200);
		String after = StoryE2ETests.postOne(system, Records.plain("Poison check " + recordId, 1));
		await().atMost(Duration.ofMinutes(1)).until(() -> catalog.record(after).status() == 200);

		for (String deadLetters : List.of(TOPIC + ".catalog-service.dlt", TOPIC + ".notify-service.dlt")) {
			List<ConsumerRecord<String, String>> found = await().atMost(Duration.ofMinutes(2))
				.until(() -> keyed(system, deadLetters, poisonKey), (records) -> !records.isEmpty());
			System.out.printf("poison: %s holds the malformed message (headers: %s)%n", deadLetters,
					headerNames(found.get(0)));
			assertThat(found.get(0).value()).isEqualTo("{\"title\": \"unterminated");
		}
		List<String> lines = logLines(system, poisonKey);
		System.out.printf("poison: the services logged %d lines about it%n", lines.size());
		assertThat(lines).as("each service's line about the refused message").hasSizeGreaterThanOrEqualTo(2);
		assertThat(lines).as("lines about the refused message carry its trace id")
			.allSatisfy((line) -> assertThat(line).contains(traceId));
	}

	/**
	 * The lines the services wrote about a message, named by its key.
	 */
	private static List<String> logLines(HeraldSystem system, String key) {
		List<String> lines = new ArrayList<>();
		for (String service : List.of("catalog-service", "notify-service", "notify-service-2")) {
			Path log = system.directory().resolve(service + ".log");
			if (Files.exists(log)) {
				try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
					all.filter((line) -> line.contains(key)).forEach(lines::add);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return lines;
	}

	private static List<String> headerNames(ConsumerRecord<String, String> record) {
		List<String> names = new ArrayList<>();
		record.headers().forEach((header) -> names.add(header.key()));
		return names;
	}

	private static List<ConsumerRecord<String, String>> keyed(HeraldSystem system, String topic, String key) {
		Properties properties = new Properties();
		properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			List<PartitionInfo> partitions = consumer.listTopics().get(topic);
			if (partitions == null) {
				return found;
			}
			List<TopicPartition> assigned = partitions.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(assigned);
			consumer.seekToBeginning(assigned);
			Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
			while (assigned.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (key.equals(record.key())) {
						found.add(record);
					}
				});
			}
		}
		return found;
	}

}
