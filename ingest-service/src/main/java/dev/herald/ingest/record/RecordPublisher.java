package dev.herald.ingest.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.herald.contracts.CloudEvents;
import dev.herald.ingest.IngestMetrics;
import dev.herald.ingest.IngestProperties;
import dev.herald.platform.tracing.RecordSpans;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes record events to Kafka, in CloudEvents binary mode, each with the W3C
 * {@code traceparent} of one send span for all the records of a request (a child of the
 * request's span), and waits, within a bound, until Kafka has acknowledged each one. With
 * the producer's {@code acks=all} and idempotence, an acknowledged record is durable; one
 * that is not acknowledged within the bound has expired in the producer and is never
 * written later.
 */
@Component
class RecordPublisher {

	static final String EVENT_TYPE = "dev.herald.record.published.v1";

	static final String DATA_SCHEMA = "https://herald.dev/contracts/record-published.v1.schema.json";

	private static final Log logger = LogFactory.getLog(RecordPublisher.class);

	private final KafkaTemplate<String, byte[]> kafka;

	private final EventJson json;

	private final IngestProperties properties;

	private final IngestMetrics metrics;

	private final RecordSpans spans;

	private final byte[] type = bytes(EVENT_TYPE);

	private final byte[] source;

	private final byte[] specVersion = bytes(CloudEvents.SPEC_VERSION_1_0);

	private final byte[] dataSchema = bytes(DATA_SCHEMA);

	private final byte[] contentType = bytes("application/json");

	RecordPublisher(KafkaTemplate<String, byte[]> kafka, EventJson json, IngestProperties properties,
			IngestMetrics metrics, RecordSpans spans) {
		this.kafka = kafka;
		this.json = json;
		this.properties = properties;
		this.metrics = metrics;
		this.spans = spans;
		this.source = bytes(properties.eventSource().toString());
	}

	/**
	 * Publishes events and waits for Kafka's acknowledgements.
	 * @param events the events
	 * @return each event's delivery, in order
	 */
	List<Delivery> publish(List<PublishedRecord> events) {
		if (events.isEmpty()) {
			return List.of();
		}
		Timer.Sample sample = this.metrics.startPublish();
		Span span = this.spans.sending(this.properties.topic(), events.size());
		List<CompletableFuture<?>> sends = send(events, this.spans.traceParent(span));
		long deadline = System.nanoTime() + this.properties.publishing().timeout().toNanos();
		List<Delivery> deliveries = sends.stream().map((send) -> await(send, deadline)).toList();
		long acknowledged = deliveries.stream().filter(Delivery::acknowledged).count();
		this.metrics.stopPublish(sample, acknowledged == deliveries.size());
		this.metrics.accepted((int) acknowledged);
		if (acknowledged < deliveries.size()) {
			Throwable failure = deliveries.stream().filter((d) -> !d.acknowledged()).findFirst().get().failure();
			logger.warn("Kafka did not acknowledge " + (deliveries.size() - acknowledged) + " of " + deliveries.size()
					+ " records: " + failure);
			span.error(failure);
		}
		span.end();
		return deliveries;
	}

	private List<CompletableFuture<?>> send(List<PublishedRecord> events, String traceParent) {
		List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
		Throwable unreachable = null;
		byte[] traceParentBytes = (traceParent != null) ? bytes(traceParent) : null;
		Instant time = null;
		byte[] timeBytes = null;
		for (PublishedRecord event : events) {
			if (!event.publishedAt().equals(time)) {
				// The records of a request share their time: written once.
				time = event.publishedAt();
				timeBytes = bytes(time.toString());
			}
			if (unreachable != null) {
				// Metadata could not be fetched: every further send would block as long.
				sends.add(CompletableFuture.failedFuture(unreachable));
				continue;
			}
			CompletableFuture<?> send = sendOne(event, timeBytes, traceParentBytes);
			if (send.isCompletedExceptionally()) {
				Throwable failure = failure(send);
				unreachable = (failure instanceof org.apache.kafka.common.errors.TimeoutException) ? failure : null;
			}
			sends.add(send);
		}
		return sends;
	}

	private CompletableFuture<SendResult<String, byte[]>> sendOne(PublishedRecord event, byte[] time,
			byte[] traceParent) {
		try {
			return this.kafka.send(message(event, time, traceParent));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private ProducerRecord<String, byte[]> message(PublishedRecord event, byte[] time, byte[] traceParent) {
		String id = event.id().toString();
		ProducerRecord<String, byte[]> message = new ProducerRecord<>(this.properties.topic(), id,
				this.json.write(event));
		Headers headers = message.headers();
		// The contract makes the event id the record id: a retried publication carries
		// the same id.
		headers.add(CloudEvents.ID, bytes(id));
		// The producer only reads header values, so the records share the constant ones.
		headers.add(CloudEvents.TYPE, this.type);
		headers.add(CloudEvents.SOURCE, this.source);
		headers.add(CloudEvents.SPEC_VERSION, this.specVersion);
		headers.add(CloudEvents.TIME, time);
		headers.add(CloudEvents.DATA_SCHEMA, this.dataSchema);
		headers.add(CloudEvents.CONTENT_TYPE, this.contentType);
		if (traceParent != null) {
			headers.add(RecordSpans.TRACEPARENT, traceParent);
		}
		return message;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static Delivery await(CompletableFuture<?> send, long deadline) {
		try {
			send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return Delivery.ACKNOWLEDGED;
		}
		catch (ExecutionException ex) {
			return Delivery.failed(ex.getCause());
		}
		catch (TimeoutException ex) {
			return Delivery.failed(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Delivery.failed(ex);
		}
	}

	private static Throwable failure(CompletableFuture<?> send) {
		try {
			send.join();
			return null;
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			// spring-kafka wraps the producer's exception in a KafkaProducerException
			return (cause.getCause() != null) ? cause.getCause() : cause;
		}
	}

}
