package dev.herald.catalog;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the catalog service, bound from {@code herald.catalog.*}.
 *
 * @param recordsTopic the topic of published records that the catalog consumes
 * @param deadLetter where messages go that cannot be stored
 * @param outageRetry back-off while a record cannot be stored for any reason but the
 * contract (MongoDB unreachable or refusing writes: a full disk, a rule): it never gives
 * up, so consumption pauses and nothing is lost or dead-lettered; only a message that
 * breaks the contract goes to the dead-letter topic
 * @param paging page sizes of the API, the pages and the feed
 * @param healthTimeout how long a readiness probe waits for Kafka to answer
 * @param mongoTimeout how long a MongoDB operation waits for a reachable server before it
 * fails (and is retried, for the listener); the driver's own default is 30 seconds
 * @param publicBaseUrl where readers reach the catalog: every absolute link of the API,
 * the feeds and the pages starts with it, whatever Host a request names
 * @param queryTimeLimit how long MongoDB may work on one public query before it stops it
 * ({@code maxTimeMS}); the reader gets a 503 problem
 * @param topicCountsTtl how long the record counts per topic are served from memory
 * before one aggregation counts them again
 * @param maxConcurrentSearches searches that run at once; more wait for a place as long
 * as the query time limit, then get a 503 problem
 */
@Validated
@ConfigurationProperties("herald.catalog")
public record CatalogProperties(@DefaultValue("herald.records.v1") @NotBlank String recordsTopic,
		@DefaultValue @Valid DeadLetter deadLetter, @DefaultValue @Valid OutageRetry outageRetry,
		@DefaultValue @Valid Paging paging, @DefaultValue("2s") @NotNull Duration healthTimeout,
		@DefaultValue("5s") @NotNull Duration mongoTimeout,
		@DefaultValue("http://localhost:8082") @NotNull URI publicBaseUrl,
		@DefaultValue("2s") @NotNull Duration queryTimeLimit, @DefaultValue("30s") @NotNull Duration topicCountsTtl,
		@DefaultValue("8") @Min(1) int maxConcurrentSearches) {

	/**
	 * The dead-letter topic.
	 *
	 * @param topic its name, by convention {@code <topic>.<consumer group>.dlt}
	 * @param partitions partitions to create it with when it does not exist
	 * @param replicas replication factor to create it with when it does not exist
	 */
	public record DeadLetter(@DefaultValue("herald.records.v1.catalog-service.dlt") @NotBlank String topic,
			@DefaultValue("1") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas) {
	}

	/**
	 * Unbounded exponential back-off while records cannot be stored.
	 *
	 * @param initialInterval wait before the first retry
	 * @param multiplier factor applied to the wait after each retry
	 * @param maxInterval longest wait between two attempts; keep it well below the
	 * consumer's {@code max.poll.interval.ms}
	 */
	public record OutageRetry(@DefaultValue("500ms") @NotNull Duration initialInterval,
			@DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
			@DefaultValue("15s") @NotNull Duration maxInterval) {
	}

	/**
	 * Page sizes.
	 *
	 * @param defaultSize records per page when the request names no size
	 * @param maxSize largest size a request may ask for
	 * @param feedSize entries in an Atom feed
	 */
	public record Paging(@DefaultValue("20") @Min(1) int defaultSize, @DefaultValue("100") @Min(1) int maxSize,
			@DefaultValue("50") @Min(1) int feedSize) {
	}

}
