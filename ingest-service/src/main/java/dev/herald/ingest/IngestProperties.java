package dev.herald.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingest service ({@code herald.ingest.*}).
 *
 * @param topic Kafka topic the record events are published to.
 * @param topicPartitions partitions the topic is created with when it does not exist yet.
 * @param catalogBaseUrl base URL of the catalog service; the {@code Location} of an
 * accepted record is this URL followed by {@code /api/v1/records/{id}}.
 * @param eventSource CloudEvents {@code source} attribute of every published event.
 * @param taxonomy the topic taxonomy (topics.yml) that records are classified with.
 * @param apiKeys operators allowed to post records: each a name and the hex SHA-256 of
 * the operator's API key. With no keys configured, every request is refused.
 * @param limits bounds on what a request may contain.
 * @param publishing how long a request waits for Kafka, and what a refused client is
 * told.
 */
@ConfigurationProperties("herald.ingest")
@Validated
public record IngestProperties(@DefaultValue("herald.records.v1") @NotBlank String topic,
		@DefaultValue("6") @Positive int topicPartitions,
		@DefaultValue("http://localhost:8082") @NotNull URI catalogBaseUrl,
		@DefaultValue("/herald/ingest-service") @NotNull URI eventSource,
		@DefaultValue("classpath:herald/contracts/topics.yml") @NotNull Resource taxonomy,
		@DefaultValue @Valid List<ApiKey> apiKeys, @DefaultValue @Valid Limits limits,
		@DefaultValue @Valid Publishing publishing) {

	/**
	 * One operator's API key.
	 *
	 * @param name operator name; becomes {@code publishedBy} of the records the operator
	 * posts.
	 * @param sha256 hex SHA-256 of the API key (the key itself is never configured).
	 */
	public record ApiKey(@NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N} ._@-]+") String name,
			@NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits") String sha256) {
	}

	/**
	 * Bounds on requests.
	 *
	 * @param maxRecordSize largest body of a single-record request.
	 * @param maxBatchSize largest body of a batch request.
	 * @param maxBatchItems most records in one batch.
	 * @param maxNestingDepth deepest JSON nesting accepted in a request body.
	 */
	public record Limits(@DefaultValue("1MB") @NotNull DataSize maxRecordSize,
			@DefaultValue("16MB") @NotNull DataSize maxBatchSize, @DefaultValue("1000") @Positive int maxBatchItems,
			@DefaultValue("32") @Positive @Max(1000) int maxNestingDepth) {
	}

	/**
	 * Waiting for Kafka.
	 *
	 * @param timeout longest a request waits for Kafka to acknowledge its records. Keep
	 * it above the producer's {@code delivery.timeout.ms}, so that a record the client
	 * was refused is never written later.
	 * @param retryAfter value of the {@code Retry-After} header when Kafka is
	 * unavailable.
	 */
	public record Publishing(@DefaultValue("8s") @NotNull Duration timeout,
			@DefaultValue("5s") @NotNull Duration retryAfter) {
	}

}
