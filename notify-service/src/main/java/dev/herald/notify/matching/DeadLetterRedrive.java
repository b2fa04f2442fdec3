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
 * Re-drives the dead-letter topic of refused records after a fix: reads the messages that
 * arrived since the last re-drive (its own consumer group, {@code <group>.redrive}),
 * matches those that the contract now accepts as the listener would have, and reports
 * those it still refuses. Matching is idempotent, so a message re-driven twice changes
 * nothing the second time.
 */
@Component
public class DeadLetterRedrive {

	private static final Duration POLL = Duration.ofMillis(500);

	private final RecordListener listener;

	private final RecordMatcher matcher;

	private final DeadLetterTopic deadLetters;

	private final String topic;

	DeadLetterRedrive(RecordListener listener, RecordMatcher matcher, DeadLetterTopic deadLetters) {
		this.listener = listener;
		this.matcher = matcher;
		this.deadLetters = deadLetters;
		this.topic = deadLetters.name();
	}

	/**
	 * The dead-letter topic it reads.
	 * @return the topic
	 */
	public String topic() {
		return this.topic;
	}

	/**
	 * Re-drives the messages not re-driven yet, up to a limit.
	 * @param limit most messages read
	 * @param timeout longest time spent reading
	 * @return what became of them
	 */
	public synchronized Result redrive(int limit, Duration timeout) {
		try (KafkaConsumer<String, byte[]> consumer = this.deadLetters.consumer(DeadLetterTopic.RedriveGroup.SUFFIX)) {
			List<TopicPartition> partitions = this.deadLetters.partitions(consumer, timeout);
			consumer.assign(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
			List<PublishedRecord> accepted = new ArrayList<>();
			List<Refused> refused = new ArrayList<>();
			int read = 0;
			long deadline = System.nanoTime() + timeout.toNanos();
			while (read < limit && !DeadLetterTopic.reachedEnd(consumer, end) && System.nanoTime() < deadline) {
				ConsumerRecords<String, byte[]> messages = consumer.poll(POLL);
				for (TopicPartition partition : messages.partitions()) {
					for (ConsumerRecord<String, byte[]> message : messages.records(partition)) {
						if (read == limit || message.offset() >= end.get(partition)) {
							// Left for the next re-drive.
							consumer.seek(partition, message.offset());
							break;
						}
						read++;
						try {
							accepted.add(this.listener.read(message));
						}
						catch (ContractViolation ex) {
							refused.add(
									new Refused(message.partition(), message.offset(), message.key(), ex.getMessage()));
						}
					}
				}
			}
			this.matcher.match(accepted);
			consumer.commitSync(timeout);
			boolean more = !DeadLetterTopic.reachedEnd(consumer, end);
			return new Result(this.topic, read, accepted.size(), refused, more);
		}
	}

	/**
	 * Re-drives one message, wherever the re-drive of the whole topic stands; matching is
	 * idempotent, so a later re-drive of the topic changes nothing for it.
	 * @param partition its partition
	 * @param offset its offset
	 * @param timeout longest time spent reading
	 * @return what became of it, empty when the topic no longer holds it
	 */
	public synchronized Optional<Result> redriveOne(int partition, long offset, Duration timeout) {
		return this.deadLetters.read(partition, offset, timeout).map((message) -> {
			try {
				this.matcher.match(List.of(this.listener.read(message)));
				return new Result(this.topic, 1, 1, List.of(), false);
			}
			catch (ContractViolation ex) {
				return new Result(this.topic, 1, 0,
						List.of(new Refused(message.partition(), message.offset(), message.key(), ex.getMessage())),
						false);
			}
		});
	}

	/**
	 * What a re-drive did.
	 *
	 * @param topic the dead-letter topic
	 * @param read messages read
	 * @param matched messages the contract now accepts, matched to subscribers
	 * @param refused messages it still refuses, each with the broken rule
	 * @param more whether messages remain past the limit or the time allowed
	 */
	public record Result(String topic, int read, int matched, List<Refused> refused, boolean more) {
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
