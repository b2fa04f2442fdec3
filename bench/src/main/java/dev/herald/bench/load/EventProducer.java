package dev.herald.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes record events straight to a topic, as ingest would have published them
 * (CloudEvents headers, key = record id): a backlog for a consumer to drain.
 */
public final class EventProducer {

	private final String bootstrapServers;

	/**
	 * A producer for the given broker.
	 * @param bootstrapServers the broker
	 */
	public EventProducer(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Creates a topic with the partitions of the records topic.
	 * @param topic the name
	 * @param partitions its partitions
	 */
	public void createTopic(String topic, int partitions) {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create topic " + topic, ex);
		}
	}

	/**
	 * Writes events and waits until Kafka has them all.
	 * @param topic the topic
	 * @param count how many
	 * @param factory makes the records
	 * @param topics the topics of every record
	 * @param titlePrefix the start of each record's title (a number follows)
	 * @return the ids written
	 */
	public List<UUID> write(String topic, int count, RecordFactory factory, List<String> topics, String titlePrefix) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10);
		UUID[] ids = new UUID[count];
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			Instant publishedAt = Instant.now();
			for (int i = 0; i < count; i++) {
				ids[i] = UUID.randomUUID();
				String title = factory.title(titlePrefix + " " + i);
				ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, ids[i].toString(),
						factory.event(ids[i], title, topics, publishedAt));
				header(message, "ce_id", ids[i].toString());
				header(message, "ce_type", "dev.herald.record.published.v1");
				header(message, "ce_source", "/herald/bench");
				header(message, "ce_specversion", "1.0");
				header(message, "ce_time", publishedAt.toString());
				header(message, "content-type", "application/json");
				producer.send(message, (metadata, exception) -> {
					if (exception != null) {
						failure.compareAndSet(null, exception);
					}
				});
			}
			producer.flush();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("Kafka refused an event of the backlog", failure.get());
		}
		return List.of(ids);
	}

	private static void header(ProducerRecord<String, byte[]> message, String name, String value) {
		message.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
