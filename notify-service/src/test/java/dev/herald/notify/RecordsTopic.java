package dev.herald.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.herald.localstack.test.HeraldInfrastructure;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Publishes to Kafka with a plain producer, as ingest does, and waits until this
 * service's consumer group has committed past a message.
 */
public final class RecordsTopic implements AutoCloseable {

	/** The records topic. */
	public static final String RECORDS = "herald.records.v1";

	private static final String GROUP = "notify-service";

	private final KafkaProducer<String, String> producer;

	private final AdminClient admin;

	/**
	 * Connect to the test broker.
	 * @param infrastructure the test infrastructure
	 */
	public RecordsTopic(HeraldInfrastructure infrastructure) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				infrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
				new StringSerializer());
		this.admin = AdminClient
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
	}

	/**
	 * Publish a record event with its CloudEvents headers.
	 * @param record the record
	 * @return where it landed
	 */
	public RecordMetadata publish(TestRecords record) {
		return send(RECORDS, record.id(), record.json(), "dev.herald.record.published.v1");
	}

	/**
	 * Publish any value.
	 * @param topic the topic
	 * @param key the key
	 * @param value the value
	 * @param type the CloudEvents type
	 * @return where it landed
	 */
	public RecordMetadata send(String topic, String key, String value, String type) {
		ProducerRecord<String, String> message = new ProducerRecord<>(topic, null, key, value,
				List.of(header("ce_id", UUID.randomUUID().toString()), header("ce_type", type),
						header("ce_source", "/tests"), header("ce_specversion", "1.0"),
						header("ce_time", Instant.now().toString()), header("content-type", "application/json")));
		try {
			return this.producer.send(message).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish to " + topic, ex);
		}
	}

	/**
	 * Wait until this service's consumer group committed past the given messages.
	 * @param messages where they landed
	 */
	public void awaitConsumed(RecordMetadata... messages) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			for (RecordMetadata message : messages) {
				OffsetAndMetadata offset = committed.get(new TopicPartition(message.topic(), message.partition()));
				if (offset == null || offset.offset() <= message.offset()) {
					return false;
				}
			}
			return true;
		});
	}

	private static RecordHeader header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
		this.admin.close(Duration.ofSeconds(5));
	}

}
