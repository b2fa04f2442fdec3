package dev.herald.notify.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.herald.contracts.ContractViolation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * Re-drives a records dead-letter topic after a fix: reads the messages that arrived
 * since the last re-drive (its own consumer group, {@code <group>.redrive}) and reports
 * those the contract still refuses. What it accepts from this service's own topic is
 * matched as the listener would have; from another consumer's topic (the catalog's) it is
 * published back to the records topic, for every consumer to read again. Storing and
 * matching are idempotent, so a message re-driven twice changes nothing the second time.
 */
@Component
public class DeadLetterRedrive {

	private static final Duration POLL = Duration.ofMillis(500);

	private final RecordListener listener;

	private final RecordMatcher matcher;

	private final Republisher republisher;

	private final DeadLetterTopics topics;

	DeadLetterRedrive(RecordListener listener, RecordMatcher matcher, Republisher republisher,
			DeadLetterTopics topics) {
		this.listener = listener;
		this.matcher = matcher;
		this.republisher = republisher;
		this.topics = topics;
	}

	/**
	 * Re-drives this service's own topic.
	 * @param limit most messages read
	 * @param timeout longest time spent reading
	 * @return what became of them
	 */
	public Result redrive(int limit, Duration timeout) {
		return redrive(this.topics.own(), limit, timeout);
	}

	/**
	 * Re-drives the messages of a topic not re-driven yet, up to a limit.
	 * @param topic the dead-letter topic
	 * @param limit most messages read
	 * @param timeout longest time spent reading
	 * @return what became of them
	 */
	public synchronized Result redrive(DeadLetterTopic topic, int limit, Duration timeout) {
		try (KafkaConsumer<String, byte[]> consumer = topic.consumer(DeadLetterTopic.RedriveGroup.SUFFIX)) {
			List<TopicPartition> partitions = topic.partitions(consumer, timeout);
			consumer.assign(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
			List<ConsumerRecord<String, byte[]>> messages = new ArrayList<>();
			long deadline = System.nanoTime() + timeout.toNanos();
			while (messages.size() < limit && !DeadLetterTopic.reachedEnd(consumer, end)
					&& System.nanoTime() < deadline) {
				ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
				for (TopicPartition partition : polled.partitions()) {
					for (ConsumerRecord<String, byte[]> message : polled.records(partition)) {
						if (messages.size() == limit || message.offset() >= end.get(partition)) {
							// Left for the next re-drive.
							consumer.seek(partition, message.offset());
							break;
						}
						messages.add(message);
					}
				}
			}
			Result result = apply(topic, messages, timeout);
			consumer.commitSync(timeout);
			return result.withMore(!DeadLetterTopic.reachedEnd(consumer, end));
		}
	}

	/**
	 * Re-drives one message, wherever the re-drive of the whole topic stands; storing and
	 * matching are idempotent, so a later re-drive of the topic changes nothing for it.
	 * @param topic the dead-letter topic
	 * @param partition its partition
	 * @param offset its offset
	 * @param timeout longest time spent reading
	 * @return what became of it, empty when the topic no longer holds it
	 */
	public synchronized Optional<Result> redriveOne(DeadLetterTopic topic, int partition, long offset,
			Duration timeout) {
		return topic.read(partition, offset, timeout).map((message) -> apply(topic, List.of(message), timeout));
	}

	private Result apply(DeadLetterTopic topic, List<ConsumerRecord<String, byte[]>> messages, Duration timeout) {
		List<ConsumerRecord<String, byte[]>> acceptedMessages = new ArrayList<>();
		List<PublishedRecord> accepted = new ArrayList<>();
		List<Refused> refused = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> message : messages) {
			try {
				accepted.add(this.listener.read(message));
				acceptedMessages.add(message);
			}
			catch (ContractViolation ex) {
				refused.add(new Refused(message.partition(), message.offset(), message.key(), ex.getMessage()));
			}
		}
		if (topic.own()) {
			this.matcher.match(accepted);
			return new Result(topic.name(), messages.size(), accepted.size(), 0, refused, false);
		}
		this.republisher.republish(acceptedMessages, timeout);
		return new Result(topic.name(), messages.size(), 0, acceptedMessages.size(), refused, false);
	}

	/**
	 * What a re-drive did.
	 *
	 * @param topic the dead-letter topic
	 * @param read messages read
	 * @param matched messages the contract now accepts, matched to subscribers (this
	 * service's topic)
	 * @param republished messages the contract now accepts, published back to the records
	 * topic (another consumer's topic)
	 * @param refused messages it still refuses, each with the broken rule
	 * @param more whether messages remain past the limit or the time allowed
	 */
	public record Result(String topic, int read, int matched, int republished, List<Refused> refused, boolean more) {

		Result withMore(boolean more) {
			return new Result(this.topic, this.read, this.matched, this.republished, this.refused, more);
		}

	}

	/**
	 * A message still refused.
	 *
	 * @param partition its partition in the dead-letter topic
	 * @param offset its offset there
	 * @param key its key
	 * @param reason the broken rule
	 */
	public record Refused(int partition, long offset, String key, String reason) {
	}

}
