package dev.herald.bench.figures;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The size of the events Herald wrote, so that Kafka's own benchmark sends records of the
 * same size.
 */
final class EventSizes {

	private EventSizes() {
	}

	/**
	 * The mean value size of the first events of a topic.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param sample how many events to read at most
	 * @return bytes per value
	 */
	static int meanValueSize(String bootstrapServers, String topic, int sample) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-sizes-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, sample);
		long bytes = 0;
		int count = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (count < sample && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					bytes += record.value().length;
					count++;
				}
			}
		}
		if (count == 0) {
			throw new IllegalStateException("No event on " + topic + " to measure");
		}
		return (int) (bytes / count);
	}

}
