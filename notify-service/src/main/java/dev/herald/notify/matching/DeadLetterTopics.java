package dev.herald.notify.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.herald.notify.NotifyProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The records dead-letter topics operators can read and re-drive: this service's own, and
 * those of the other consumers of the records topic
 * ({@code herald.notify.other-dead-letter-topics}, the catalog's by default).
 */
@Component
public class DeadLetterTopics {

	private final List<DeadLetterTopic> all;

	DeadLetterTopics(KafkaProperties kafka, NotifyProperties properties,
			@Value("${herald.notify.other-dead-letter-topics:"
					+ "herald.records.v1.catalog-service.dlt}") List<String> others) {
		List<DeadLetterTopic> topics = new ArrayList<>();
		String own = RecordKafkaConfiguration.deadLetterTopic(properties, kafka);
		topics.add(new DeadLetterTopic(kafka, own, true));
		others.stream()
			.map(String::strip)
			.filter((name) -> !name.isEmpty() && !name.equals(own))
			.distinct()
			.forEach((name) -> topics.add(new DeadLetterTopic(kafka, name, false)));
		this.all = List.copyOf(topics);
	}

	/**
	 * Every topic, this service's first.
	 * @return the topics
	 */
	public List<DeadLetterTopic> all() {
		return this.all;
	}

	/**
	 * This service's own dead-letter topic.
	 * @return the topic
	 */
	public DeadLetterTopic own() {
		return this.all.get(0);
	}

	/**
	 * A topic by name, if it is one of them.
	 * @param name the topic's name
	 * @return the topic
	 */
	public Optional<DeadLetterTopic> find(String name) {
		return this.all.stream().filter((topic) -> topic.name().equals(name)).findFirst();
	}

}
