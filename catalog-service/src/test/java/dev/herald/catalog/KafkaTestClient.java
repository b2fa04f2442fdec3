package dev.herald.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.localstack.test.HeraldInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * Plain Kafka clients for integration tests: publishes record events the way ingest does
 * (key = record id, CloudEvents binary-mode headers, W3C traceparent) and reads topics
 * from the start.
 */
public final class KafkaTestClient implements AutoCloseable {

	/** The records topic. */
	public static final String RECORDS = "herald.records.v1";

	/** The catalog's dead-letter topic. */
	public static final String DEAD_LETTERS = "herald.records.v1.catalog-service.dlt";

	private final String bootstrapServers;

	/** The catalog's consumer group. */
	public static final String GROUP = "catalog-service";

	private final KafkaProducer<String, byte[]> producer;

	public KafkaTestClient(HeraldInfrastructure infrastructure) {
		this(infrastructure.kafkaBootstrapServers());
	}

	public KafkaTestClient(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
				new ByteArraySerializer());
	}

	/**
	 * Publishes an event keyed by its id, to the partition the key hashes to.
	 * @param event the event JSON
	 */
	public void publish(JsonNode event) {
		publish(RECORDS, event);
	}

	/**
	 * Publishes an event keyed by its id to a topic.
	 * @param topic the topic
	 * @param event the event JSON
	 */
	public void publish(String topic, JsonNode event) {
		send(topic, null, event.get("id").asString(), TestRecords.bytes(event));
	}

	/**
	 * Publishes events, then waits until Kafka acknowledged them all.
	 * @param events the events
	 */
	public void publishAll(List<? extends JsonNode> events) {
		List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
		for (JsonNode event : events) {
			sent.add(this.producer.send(record(RECORDS, null, event.get("id").asString(), TestRecords.bytes(event))));
		}
		for (java.util.concurrent.Future<?> future : sent) {
			await(future);
		}
	}

	/**
	 * Publishes raw bytes with a key, to one partition or the key's.
	 * @param topic the topic
	 * @param partition the partition, or {@code null} for the key's
	 * @param key the key
	 * @param value the value
	 */
	public void send(String topic, Integer partition, String key, byte[] value) {
		await(this.producer.send(record(topic, partition, key, value)));
	}

	private static ProducerRecord<String, byte[]> record(String topic, Integer partition, String key, byte[] value) {
		RecordHeaders headers = new RecordHeaders();
		header(headers, "ce_id", UUID.randomUUID().toString());
		header(headers, "ce_type", "dev.herald.record.published.v1");
		header(headers, "ce_source", "/herald/ingest-service");
		header(headers, "ce_specversion", "1.0");
		header(headers, "ce_time", Instant.now().toString());
		header(headers, "content-type", "application/json");
		header(headers, "traceparent", "00-" + hex(16) + "-" + hex(8) + "-01");
		return new ProducerRecord<>(topic, partition, key, value, headers);
	}

	private static void header(RecordHeaders headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	/**
	 * Reads every message of a topic, from the start to its current end.
	 * @param topic the topic
	 * @return the messages
	 */
	public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
						false),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				throw new IllegalStateException("Topic " + topic + " does not exist");
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	/**
	 * Waits until a consumer group has committed every message now on a topic, that is
	 * until it consumed everything published so far.
	 * @param group the consumer group
	 * @param topic the topic
	 */
	public void awaitConsumed(String group, String topic) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()
				.forEach((info) -> latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
			Map<TopicPartition, Long> end = new HashMap<>();
			admin.listOffsets(latest).all().get().forEach((partition, info) -> end.put(partition, info.offset()));
			Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get();
				return end.entrySet()
					.stream()
					.allMatch((entry) -> entry.getValue() == 0 || (committed.get(entry.getKey()) != null
							&& committed.get(entry.getKey()).offset() >= entry.getValue()));
			});
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static void await(java.util.concurrent.Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
