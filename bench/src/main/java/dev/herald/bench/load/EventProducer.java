package dev.herald.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.concurrent.locks.LockSupport;

import dev.herald.contracts.CloudEvents;
import dev.herald.contracts.RecordContract;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes record events straight to a topic, as ingest would have published them
 * (CloudEvents headers, key = record id): a backlog for a consumer to drain. The events
 * are made before they are written, so that the backlog lands on the topic at Kafka's
 * speed.
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
	 * Creates a topic.
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
	 * Makes the events of a backlog.
	 * @param topic the topic they go to
	 * @param count how many
	 * @param factory makes the records
	 * @param topics the topics of every record
	 * @param marker the start of each record's title (a number follows)
	 * @return the events, not yet written
	 */
	public Backlog prepare(String topic, int count, RecordFactory factory, List<String> topics, String marker) {
		Instant publishedAt = Instant.now();
		List<UUID> ids = new ArrayList<>(count);
		List<ProducerRecord<String, byte[]>> messages = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			String title = marker + " " + i + " " + factory.title("");
			ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, id.toString(),
					factory.event(id, title, topics, publishedAt));
			header(message, CloudEvents.ID, id.toString());
			header(message, CloudEvents.TYPE, RecordContract.EVENT_TYPE);
			header(message, CloudEvents.SOURCE, "/herald/bench");
			header(message, CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0);
			header(message, CloudEvents.TIME, publishedAt.toString());
			header(message, CloudEvents.CONTENT_TYPE, "application/json");
			ids.add(id);
			messages.add(message);
		}
		return new Backlog(List.copyOf(ids), messages);
	}

	/**
	 * Writes a backlog and waits until Kafka has it all.
	 * @param backlog the events
	 */
	public void write(Backlog backlog) {
		write(backlog, Duration.ZERO);
	}

	/**
	 * Writes a backlog one event every {@code pace}, through one producer, and waits
	 * until Kafka has it all.
	 * @param backlog the events
	 * @param pace the time between two events, zero for all at once
	 */
	public void write(Backlog backlog, Duration pace) {
		write(backlog, pace, (sent) -> {
		});
	}

	/**
	 * Writes a backlog one event every {@code pace}, through one producer, telling how
	 * many events it has handed to the producer after each one, and waits until Kafka has
	 * it all.
	 * @param backlog the events
	 * @param pace the time between two events, zero for all at once
	 * @param progress told the number of events handed to the producer so far
	 */
	public void write(Backlog backlog, Duration pace, IntConsumer progress) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
				ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			long start = System.nanoTime();
			int sent = 0;
			for (ProducerRecord<String, byte[]> message : backlog.messages()) {
				long due = start + sent++ * pace.toNanos();
				while (System.nanoTime() < due) {
					LockSupport.parkNanos(due - System.nanoTime());
				}
				producer.send(message, (metadata, exception) -> {
					if (exception != null) {
						failure.compareAndSet(null, exception);
					}
				});
				progress.accept(sent);
			}
			producer.flush();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("Kafka refused an event of the backlog", failure.get());
		}
	}

	/**
	 * Makes and writes a backlog.
	 * @param topic the topic
	 * @param count how many events
	 * @param factory makes the records
	 * @param topics the topics of every record
	 * @param marker the start of each record's title
	 * @return the ids written
	 */
	public List<UUID> write(String topic, int count, RecordFactory factory, List<String> topics, String marker) {
		Backlog backlog = prepare(topic, count, factory, topics, marker);
		write(backlog);
		return backlog.ids();
	}

	private static void header(ProducerRecord<String, byte[]> message, String name, String value) {
		message.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Events made for a topic.
	 *
	 * @param ids the record ids, in order
	 * @param messages the messages
	 */
	public record Backlog(List<UUID> ids, List<ProducerRecord<String, byte[]>> messages) {
	}

}
