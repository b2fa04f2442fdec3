package dev.herald.notify.matching;

import dev.herald.notify.kafka.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes published records ({@code herald.records.v1}, group {@code notify-service})
 * and matches each to subscribers. The offset is committed once the record's deliveries
 * are in the ledger and handed off; sending happens elsewhere, so a large fan-out never
 * holds this listener for long.
 */
@Component
class RecordListener {

	private final SubscriberMatcher matcher;

	private final JsonMapper json;

	RecordListener(SubscriberMatcher matcher, JsonMapper json) {
		this.matcher = matcher;
		this.json = json;
	}

	@KafkaListener(id = "records", topics = "${herald.notify.kafka.records-topic:herald.records.v1}", idIsGroup = false,
			containerFactory = RecordKafkaConfiguration.CONTAINER_FACTORY,
			properties = "max.poll.records=${herald.notify.matching.max-poll-records:20}")
	void onRecord(ConsumerRecord<String, String> record) {
		this.matcher.match(parse(record.value()));
	}

	PublishedRecord parse(String value) {
		if (value == null) {
			throw new MalformedEventException("Record event without a value");
		}
		try {
			return this.json.readValue(value, PublishedRecord.class).validated();
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("Record event is not valid JSON", ex);
		}
	}

}
