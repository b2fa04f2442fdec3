package dev.herald.notify.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * A records dead-letter topic as operators read it: how many messages it holds, how many
 * of those no re-drive has read yet, and the messages themselves with the rule each broke
 * (the {@code kafka_dlt-*} headers the recoverer wrote). Reading never moves the
 * re-drive's position. This service's own topic, or another consumer's (the catalog's),
 * whose re-drive publishes accepted messages back to the records topic.
 */
public class DeadLetterTopic {

	private static final Duration POLL = Duration.ofMillis(200);

	private final KafkaProperties kafka;

	private final String topic;

	private final boolean own;

	DeadLetterTopic(KafkaProperties kafka, String topic, boolean own) {
		this.kafka = kafka;
		this.topic = topic;
		this.own = own;
	}

	/**
	 * Whether this service's listener wrote the topic: its messages are re-driven by
	 * matching them here; another consumer's are published back to the records topic.
	 * @return whether the topic is this service's
	 */
	public boolean own() {
		return this.own;
	}

	/**
	 * The topic's name.
	 * @return the dead-letter topic
	 */
	public String name() {
		return this.topic;
	}

	/**
	 * How many messages the topic holds, and how many no re-drive has read.
	 * @param timeout longest wait for the broker
	 * @return the counts
	 */
	public Counts counts(Duration timeout) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(RedriveGroup.SUFFIX)) {
			List<TopicPartition> partitions = partitions(consumer, timeout);
			// Assigned before asking for offsets: the client warns of offsets it gets for
			// partitions it does not hold.
			consumer.assign(partitions);
			Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
			Map<TopicPartition, OffsetAndMetadata> redriven = consumer.committed(new HashSet<>(partitions), timeout);
			long total = 0;
			long waiting = 0;
			for (TopicPartition partition : partitions) {
				long first = begin.get(partition);
				long last = end.get(partition);
				OffsetAndMetadata position = redriven.get(partition);
				total += last - first;
				waiting += last - Math.max(first, (position != null) ? position.offset() : first);
			}
			return new Counts(this.topic, total, waiting);
		}
	}

	/**
	 * The newest messages, across partitions.
	 * @param limit most messages
	 * @param timeout longest time spent reading
	 * @return them, the newest first
	 */
	public List<DeadLetter> newest(int limit, Duration timeout) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(RedriveGroup.SUFFIX)) {
			List<TopicPartition> partitions = partitions(consumer, timeout);
			// Assigned before asking for offsets: the client warns of offsets it gets for
			// partitions it does not hold.
			consumer.assign(partitions);
			Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
			Map<TopicPartition, OffsetAndMetadata> redriven = consumer.committed(new HashSet<>(partitions), timeout);
			for (TopicPartition partition : partitions) {
				consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - limit));
			}
			List<DeadLetter> found = new ArrayList<>();
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> message : consumer.poll(POLL)) {
					TopicPartition partition = new TopicPartition(message.topic(), message.partition());
					OffsetAndMetadata position = redriven.get(partition);
					found.add(DeadLetter.of(message, position != null && message.offset() < position.offset()));
				}
			}
			return found.stream().sorted(Comparator.comparing(DeadLetter::timestamp).reversed()).limit(limit).toList();
		}
	}

	/**
	 * One message.
	 * @param partition its partition
	 * @param offset its offset
	 * @param timeout longest time spent reading
	 * @return it, if the topic still holds it
	 */
	public Optional<ConsumerRecord<String, byte[]>> read(int partition, long offset, Duration timeout) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(RedriveGroup.SUFFIX)) {
			TopicPartition where = new TopicPartition(this.topic, partition);
			if (partitions(consumer, timeout).stream().noneMatch(where::equals)) {
				return Optional.empty();
			}
			consumer.assign(List.of(where));
			long first = consumer.beginningOffsets(List.of(where), timeout).get(where);
			long end = consumer.endOffsets(List.of(where), timeout).get(where);
			if (offset < first || offset >= end) {
				return Optional.empty();
			}
			consumer.seek(where, offset);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> message : consumer.poll(POLL)) {
					if (message.offset() == offset) {
						return Optional.of(message);
					}
					if (message.offset() > offset) {
						return Optional.empty();
					}
				}
			}
			return Optional.empty();
		}
	}

	/**
	 * A consumer of the topic in a group of its own, never committing unless told.
	 * @param groupSuffix appended to the service's consumer group
	 * @return the consumer
	 */
	KafkaConsumer<String, byte[]> consumer(String groupSuffix) {
		Properties config = new Properties();
		config.putAll(this.kafka.buildConsumerProperties());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.kafka.getConsumer().getGroupId() + groupSuffix);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, Duration timeout) {
		return consumer.partitionsFor(this.topic, timeout)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
	}

	static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
	}

	/**
	 * The group of the re-drive, whose committed offsets mark what it has read.
	 */
	static final class RedriveGroup {

		static final String SUFFIX = ".redrive";

		private RedriveGroup() {
		}

	}

	/**
	 * The topic's counts.
	 *
	 * @param topic the topic
	 * @param messages messages it holds
	 * @param notRedriven of those, messages no re-drive has read yet
	 */
	public record Counts(String topic, long messages, long notRedriven) {
	}

}
