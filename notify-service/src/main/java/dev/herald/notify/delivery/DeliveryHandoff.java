package dev.herald.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.kafka.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Hands ledger entries to the senders: one {@link DeliveryRequested} per entry on the
 * deliveries topic, keyed by subscriber id, then records the hand-off once Kafka
 * acknowledged every message. An entry whose hand-off did not complete stays without a
 * hand-off time and is handed off again (on redelivery of its record, or by the sweeper),
 * so no entry is lost between the ledger and Kafka.
 */
@Component
public class DeliveryHandoff {

	private static final String SOURCE = "/notify-service";

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final DeliveryLedger ledger;

	private final Clock clock;

	private final String topic;

	private final Duration timeout;

	DeliveryHandoff(KafkaTemplate<String, String> kafka, JsonMapper json, DeliveryLedger ledger, Clock clock,
			NotifyProperties properties) {
		this.kafka = kafka;
		this.json = json;
		this.ledger = ledger;
		this.clock = clock;
		this.topic = properties.kafka().deliveriesTopic();
		this.timeout = properties.matching().handoffTimeout();
	}

	/**
	 * Hand entries off and wait for Kafka's acknowledgement.
	 * @param entries ledger entries
	 * @throws IllegalStateException when Kafka did not acknowledge them all in time
	 */
	public void handOff(List<Delivery> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(entries.size());
		for (Delivery entry : entries) {
			DeliveryRequested event = new DeliveryRequested(entry.id(), entry.recordId(), entry.subscriberId(), now);
			ProducerRecord<String, String> message = new ProducerRecord<>(this.topic, null, entry.subscriberId(),
					this.json.writeValueAsString(event), CloudEventHeaders.of(DeliveryRequested.TYPE, SOURCE, now));
			sends.add(this.kafka.send(message));
		}
		awaitAll(sends);
		this.ledger.markHandedOff(entries.stream().map(Delivery::id).toList(), now);
	}

	private void awaitAll(List<CompletableFuture<SendResult<String, String>>> sends) {
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while handing deliveries off", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the hand-off of deliveries", ex);
		}
	}

}
