package dev.herald.notify;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notify service, under {@code herald.notify}.
 *
 * @param catalogBaseUrl base URL of the catalog's public pages; alert emails link to
 * {@code {catalog-base-url}/records/{id}}
 * @param publicBaseUrl public base URL of this service, used in the confirm, manage and
 * unsubscribe links of emails
 * @param tokenSecret secret key (at least 32 characters) that signs the tokens in
 * subscribers' links; rotating it invalidates every link already sent
 * @param adminKeySha256 hex SHA-256 of the operators' admin key ({@code X-Admin-Key}
 * header); empty disables the admin API
 * @param topics location of the topic taxonomy ({@code topics.yml} of the contracts)
 * @param kafka topics this service consumes and produces
 * @param tokens lifetimes of the signed tokens in subscribers' links
 * @param mail sender, headers and subject of outgoing emails
 * @param limits abuse limits of the subscribe endpoints
 * @param matching matching of published records to subscribers
 * @param delivery sending of alert emails
 * @param retry back-off of both listeners' retries of transient failures (SMTP 4xx,
 * connection errors, an unreachable database or broker) before the dead-letter topic
 */
@Validated
@ConfigurationProperties("herald.notify")
public record NotifyProperties(@NotNull @DefaultValue("http://localhost:8082") URI catalogBaseUrl,
		@NotNull @DefaultValue("http://localhost:8083") URI publicBaseUrl,
		@NotNull @Size(min = 32, message = "must be at least 32 characters") String tokenSecret,
		@NotNull @Pattern(regexp = "^$|^[0-9a-fA-F]{64}$",
				message = "must be empty or 64 hex digits") @DefaultValue("") String adminKeySha256,
		@NotNull @DefaultValue("classpath:herald/contracts/topics.yml") Resource topics,
		@Valid @NotNull @DefaultValue Kafka kafka, @Valid @NotNull @DefaultValue Tokens tokens,
		@Valid @NotNull @DefaultValue Mail mail, @Valid @NotNull @DefaultValue Limits limits,
		@Valid @NotNull @DefaultValue Matching matching, @Valid @NotNull @DefaultValue Delivery delivery,
		@Valid @NotNull @DefaultValue Retry retry) {

	/**
	 * Kafka topics.
	 *
	 * @param recordsTopic topic of published records, consumed by this service
	 * @param deliveriesTopic topic that hands matched deliveries to the senders, keyed by
	 * subscriber id
	 * @param deliveriesPartitions partitions of the deliveries topic (the upper bound of
	 * sender concurrency across all instances)
	 * @param replicas replication factor of the topics this service declares
	 */
	public record Kafka(@NotBlank @DefaultValue("herald.records.v1") String recordsTopic,
			@NotBlank @DefaultValue("herald.deliveries.v1") String deliveriesTopic,
			@Min(1) @DefaultValue("6") int deliveriesPartitions, @Min(1) @DefaultValue("1") short replicas) {
	}

	/**
	 * Lifetimes of signed tokens.
	 *
	 * @param confirmationTtl lifetime of the links in confirmation and manage emails sent
	 * on a subscribe request
	 * @param linkTtl lifetime of the manage and unsubscribe links in alert emails
	 */
	public record Tokens(@NotNull @DefaultValue("48h") Duration confirmationTtl,
			@NotNull @DefaultValue("180d") Duration linkTtl) {
	}

	/**
	 * Outgoing email.
	 *
	 * @param from {@code From} address, with an optional display name
	 * @param listId identifier of the alert list in the {@code List-Id} header
	 * @param messageIdDomain domain part of the deterministic {@code Message-ID} of
	 * alerts
	 * @param unsubscribeMailbox mailbox named in the {@code mailto:} unsubscribe link
	 * @param subjectMaxLength longest subject, trimmed on a word boundary beyond it
	 */
	public record Mail(@NotBlank @DefaultValue("Herald <alerts@herald.localhost>") String from,
			@NotBlank @DefaultValue("alerts.herald.localhost") String listId,
			@NotBlank @DefaultValue("herald.localhost") String messageIdDomain,
			@NotBlank @DefaultValue("unsubscribe@herald.localhost") String unsubscribeMailbox,
			@Min(40) @Max(250) @DefaultValue("120") int subjectMaxLength) {
	}

	/**
	 * Abuse limits.
	 *
	 * @param requestsPerClientPerMinute subscribe requests accepted per client IP address
	 * per minute
	 * @param clientsTracked most client addresses whose request counts are kept in memory
	 * @param emailsPerAddress confirmation or manage emails sent to one address per
	 * window
	 * @param addressWindow the sliding window of {@code emails-per-address}
	 */
	public record Limits(@Min(1) @DefaultValue("10") int requestsPerClientPerMinute,
			@Min(100) @DefaultValue("100000") int clientsTracked, @Min(1) @DefaultValue("3") int emailsPerAddress,
			@NotNull @DefaultValue("24h") Duration addressWindow) {
	}

	/**
	 * Matching of records to subscribers.
	 *
	 * @param pageSize subscribers read, and ledger entries written, per page of a fan-out
	 * @param handoffTimeout longest wait for Kafka to acknowledge one page of handed-off
	 * deliveries
	 */
	public record Matching(@Min(1) @Max(10000) @DefaultValue("1000") int pageSize,
			@NotNull @DefaultValue("30s") Duration handoffTimeout) {
	}

	/**
	 * Sending of alerts.
	 *
	 * @param batchSize most deliveries taken per poll and sent over one SMTP connection
	 * @param concurrency sender threads of this instance (each waits on SMTP and MongoDB
	 * round trips most of the time, so more threads than cores pays; at most the
	 * partitions of the deliveries topic are busy across all instances)
	 * @param lease how long a sender holds a claimed delivery before another may take it
	 * @param suppressAfter permanent failures after which an address is suppressed
	 * @param sweepInterval how often deliveries that were never handed off, or that
	 * stalled, are handed off again
	 * @param handoffGrace age after which a delivery never handed off is picked up by the
	 * sweeper
	 * @param staleAfter age after which a handed-off delivery still pending is handed off
	 * again
	 * @param maxPerSecond most emails this instance sends per second, to stay within what
	 * the SMTP relay accepts (GOV.UK Notify takes 350/s, SES accounts start lower); 0 for
	 * no limit
	 */
	public record Delivery(@Min(1) @Max(1000) @DefaultValue("250") int batchSize,
			@Min(1) @DefaultValue("4") int concurrency, @NotNull @DefaultValue("5m") Duration lease,
			@Min(1) @DefaultValue("3") int suppressAfter, @NotNull @DefaultValue("1m") Duration sweepInterval,
			@NotNull @DefaultValue("2m") Duration handoffGrace, @NotNull @DefaultValue("1h") Duration staleAfter,
			@Min(0) @DefaultValue("0") int maxPerSecond) {
	}

	/**
	 * Exponential back-off of a listener's retries.
	 *
	 * @param initialInterval wait before the first retry
	 * @param multiplier factor applied to the wait after each retry
	 * @param maxInterval longest wait between retries
	 * @param maxAttempts retries before the message goes to the dead-letter topic
	 */
	public record Retry(@NotNull @DefaultValue("1s") Duration initialInterval,
			@DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
			@NotNull @DefaultValue("60s") Duration maxInterval, @Min(0) @DefaultValue("12") int maxAttempts) {
	}

}
