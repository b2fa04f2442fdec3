package dev.herald.ingest;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The service's own meters: records accepted, records and requests rejected (by reason),
 * and how long Kafka takes to acknowledge a request's records.
 */
@Component
public class IngestMetrics {

	/** Reasons a record or a request is rejected; tags of the rejected counter. */
	public static final List<String> REASONS = List.of("invalid-record", "invalid-batch", "malformed-json",
			"unreadable-body", "content-too-large", "batch-too-large", "unsupported-media-type", "unauthenticated",
			"kafka-unavailable", "other");

	private final MeterRegistry registry;

	private final Counter accepted;

	public IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.accepted = Counter.builder("herald.ingest.records.accepted")
			.description("Records acknowledged by Kafka")
			.register(registry);
		REASONS.forEach(this::rejectedCounter);
	}

	public void accepted(int records) {
		this.accepted.increment(records);
	}

	public void rejected(String reason, int records) {
		rejectedCounter(REASONS.contains(reason) ? reason : "other").increment(records);
	}

	public Timer.Sample startPublish() {
		return Timer.start(this.registry);
	}

	public void stopPublish(Timer.Sample sample, boolean acknowledged) {
		sample.stop(Timer.builder("herald.ingest.publish.latency")
			.description("Time from handing a request's records to Kafka until all were acknowledged or failed")
			.tag("outcome", acknowledged ? "acknowledged" : "failed")
			.register(this.registry));
	}

	private Counter rejectedCounter(String reason) {
		return Counter.builder("herald.ingest.records.rejected")
			.description("Records (batch items) and requests refused, by reason")
			.tag("reason", reason)
			.register(this.registry);
	}

}
