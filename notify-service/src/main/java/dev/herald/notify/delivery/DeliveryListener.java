package dev.herald.notify.delivery;

import java.util.ArrayList;
import java.util.List;

import dev.herald.notify.kafka.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code herald.deliveries.v1} in batches and sends each batch over one SMTP
 * connection. A transient failure fails the batch at that message: the error handler
 * commits what came before, backs off and redelivers from there; entries already sent are
 * not claimed again. After the retries run out the message goes to the dead-letter topic
 * and its entry is marked failed.
 */
@Component
class DeliveryListener {

	private final AlertSender sender;

	private final JsonMapper json;

	DeliveryListener(AlertSender sender, JsonMapper json) {
		this.sender = sender;
		this.json = json;
	}

	@KafkaListener(id = "deliveries", topics = "${herald.notify.kafka.deliveries-topic:herald.deliveries.v1}",
			idIsGroup = false, containerFactory = DeliveryKafkaConfiguration.CONTAINER_FACTORY, batch = "true",
			concurrency = "${herald.notify.delivery.concurrency:4}",
			properties = { "max.poll.records=${herald.notify.delivery.batch-size:250}",
					"max.poll.interval.ms=${herald.notify.delivery.max-poll-interval-ms:600000}" })
	void onDeliveries(List<ConsumerRecord<String, String>> batch) {
		List<DeliveryRequested> requests = new ArrayList<>(batch.size());
		MalformedEventException malformed = null;
		for (ConsumerRecord<String, String> record : batch) {
			try {
				requests.add(parse(record.value()));
			}
			catch (MalformedEventException ex) {
				malformed = ex;
				break;
			}
		}
		int failedAt;
		try {
			failedAt = this.sender.send(requests);
		}
		catch (RuntimeException ex) {
			throw new BatchListenerFailedException("Sending a batch of deliveries failed", ex, 0);
		}
		if (failedAt >= 0) {
			throw new BatchListenerFailedException("Sending a delivery failed transiently",
					new TransientDeliveryException(batch.get(failedAt).value()), failedAt);
		}
		if (malformed != null) {
			throw new BatchListenerFailedException(malformed.getMessage(), malformed, requests.size());
		}
	}

	DeliveryRequested parse(String value) {
		if (value == null) {
			throw new MalformedEventException("Delivery event without a value");
		}
		try {
			DeliveryRequested request = this.json.readValue(value, DeliveryRequested.class);
			if (request.deliveryId() == null || request.recordId() == null || request.subscriberId() == null
					|| !request.deliveryId().equals(Delivery.idOf(request.recordId(), request.subscriberId()))) {
				throw new MalformedEventException("Delivery event without consistent ids");
			}
			return request;
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("Delivery event is not valid JSON", ex);
		}
	}

	/**
	 * A delivery whose send failed in a way that may succeed later.
	 */
	static class TransientDeliveryException extends RuntimeException {

		TransientDeliveryException(String event) {
			super("Transient failure sending " + event);
		}

	}

}
