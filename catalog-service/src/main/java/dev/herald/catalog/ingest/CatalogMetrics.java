package dev.herald.catalog.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The consumption meters: records stored, duplicates skipped, messages dead-lettered and
 * the latency of each bulk write. Consumer lag comes from the Kafka client's own metrics
 * ({@code kafka.consumer.fetch.manager.records.lag.max}), which Spring Boot binds.
 */
@Component
class CatalogMetrics {

	private final Counter stored;

	private final Counter duplicates;

	private final Counter deadLettered;

	private final Timer storeLatency;

	CatalogMetrics(MeterRegistry registry) {
		this.stored = Counter.builder("herald.catalog.records.stored")
			.description("Record revisions written to MongoDB (new records and newer revisions)")
			.register(registry);
		this.duplicates = Counter.builder("herald.catalog.duplicates.skipped")
			.description("Messages not written because the same or a newer revision was already stored")
			.register(registry);
		this.deadLettered = Counter.builder("herald.catalog.deadlettered")
			.description("Messages sent to the dead-letter topic")
			.register(registry);
		this.storeLatency = Timer.builder("herald.catalog.store.latency")
			.description("Time of one bulk upsert of a poll's records")
			.publishPercentileHistogram()
			.register(registry);
	}

	void stored(long count) {
		this.stored.increment(count);
	}

	void duplicatesSkipped(long count) {
		this.duplicates.increment(count);
	}

	void deadLettered() {
		this.deadLettered.increment();
	}

	Timer storeLatency() {
		return this.storeLatency;
	}

}
