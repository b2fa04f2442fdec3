package dev.herald.notify.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.herald.contracts.DeadLetterHeaders;
import dev.herald.notify.NotifyProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes dead letters of another consumer back to the records topic, as they first
 * came: the same key (so the same partition), value and headers, without the dead-letter
 * headers. Every consumer of the topic reads them again; storing and matching are
 * idempotent, so a consumer that had taken them changes nothing.
 */
@Component
class Republisher implements DisposableBean {

	private final DefaultKafkaProducerFactory<String, byte[]> producers;

	private final KafkaTemplate<String, byte[]> template;

	private final String recordsTopic;

	Republisher(KafkaProperties kafka, NotifyProperties properties) {
		this.producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(),
				new ByteArraySerializer());
		this.template = new KafkaTemplate<>(this.producers);
		this.recordsTopic = properties.kafka().recordsTopic();
	}

	/**
	 * Publishes messages back and waits until the broker has them all.
	 * @param messages dead letters the contract accepts
	 * @param timeout longest wait for the broker
	 */
	void republish(List<ConsumerRecord<String, byte[]>> messages, Duration timeout) {
		List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> message : messages) {
			ProducerRecord<String, byte[]> again = new ProducerRecord<>(this.recordsTopic, message.key(),
					message.value());
			for (Header header : message.headers()) {
				if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(DeadLetterHeaders.REASON)) {
					again.headers().add(header);
				}
			}
			sent.add(this.template.send(again));
		}
		try {
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The broker did not take the re-driven messages", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while re-driving", ex);
		}
	}

	@Override
	public void destroy() {
		this.producers.destroy();
	}

}
