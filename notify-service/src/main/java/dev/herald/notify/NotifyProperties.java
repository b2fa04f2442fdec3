package dev.herald.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;

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
 * @param kafka topics this service consumes
 * @param tokens lifetimes of the signed tokens in subscribers' links
 * @param mail sender, headers, subject and relays of outgoing emails
 * @param limits abuse limits of the subscribe endpoints
 * @param matching matching of published records to subscribers
 * @param delivery sending of the emails of the outbox
 * @param retry back-off while a dependency fails: the records listener's retries of a
 * poll (MongoDB or Kafka unreachable), and the pause of a failing SMTP relay; there is no
 * last retry, so an outage of any length pauses work and loses nothing
 * @param retention how long pending subscriptions, ledger entries and record snapshots
 * are kept
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
		@Valid @NotNull @DefaultValue Retry retry, @Valid @NotNull @DefaultValue Retention retention) {

	/**
	 * How long what is stored about people and records is kept; MongoDB removes it after
	 * (TTL indexes).
	 *
	 * @param pendingSubscriptions a subscription never confirmed, from the request that
	 * made it pending
	 * @param deliveries a delivery ledger entry, from its creation
	 * @param snapshots a record's snapshot, from its publication; keep it above the
	 * longest digest period and the longest outage of the mail relay to ride out
	 * @param audit an entry of the operator console's audit list, from its action
	 */
	public record Retention(@NotNull @DefaultValue("7d") Duration pendingSubscriptions,
			@NotNull @DefaultValue("90d") Duration deliveries, @NotNull @DefaultValue("90d") Duration snapshots,
			@NotNull @DefaultValue("365d") Duration audit) {
	}

	/**
	 * Kafka topics.
	 *
	 * @param recordsTopic topic of published records, consumed by this service
	 * @param replicas replication factor of the topics this service declares
	 */
	public record Kafka(@NotBlank @DefaultValue("herald.records.v1") String recordsTopic,
			@Min(1) @DefaultValue("1") short replicas) {
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
	 * alerts and digests
	 * @param unsubscribeMailbox mailbox named in the {@code mailto:} unsubscribe link
	 * @param subjectMaxLength longest subject, trimmed on a word boundary beyond it
	 * @param relays SMTP relays in order of preference: sending goes through the first
	 * that works, and moves back to it when it recovers; empty for the one relay of
	 * {@code spring.mail}
	 */
	public record Mail(@NotBlank @DefaultValue("Herald <alerts@herald.localhost>") String from,
			@NotBlank @DefaultValue("alerts.herald.localhost") String listId,
			@NotBlank @DefaultValue("herald.localhost") String messageIdDomain,
			@NotBlank @DefaultValue("unsubscribe@herald.localhost") String unsubscribeMailbox,
			@Min(40) @Max(250) @DefaultValue("120") int subjectMaxLength,
			@Valid @NotNull @DefaultValue List<Relay> relays) {
	}

	/**
	 * One SMTP relay.
	 *
	 * @param host host name
	 * @param port port
	 * @param username user name, or {@code null} for a relay without authentication
	 * @param password password
	 * @param starttls whether the connection must be upgraded with {@code STARTTLS}
	 */
	public record Relay(@NotBlank String host, @Min(1) @Max(65535) @DefaultValue("25") int port, String username,
			String password, @DefaultValue("false") boolean starttls) {

		@Override
		public String toString() {
			return this.host + ":" + this.port;
		}

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
			@NotNull @DefaultValue("24h") Duration addressWindow, @NotNull @DefaultValue List<String> trustedProxies) {
	}

	/**
	 * Matching of records to subscribers.
	 *
	 * @param pageSize subscribers read, and ledger entries written, per page of a fan-out
	 */
	public record Matching(@Min(1) @Max(10000) @DefaultValue("1000") int pageSize) {
	}

	/**
	 * Sending of the emails of the outbox.
	 *
	 * @param batchSize most emails one sender claims at a time
	 * @param recordEvery emails a sender sends before it records their outcomes (and at
	 * the end of each batch); it sends the next ones while a record is written, so a
	 * crash repeats at most twice this many emails per sender
	 * @param concurrency senders of this instance, each with its own SMTP connection
	 * @param lease how long a claim holds without renewal; senders renew it while they
	 * work, and a crashed instance's emails are taken over once it ends
	 * @param scanInterval how often the outbox is searched for due emails (digests, held
	 * alerts, emails other instances released); new alerts are sent without waiting for
	 * it
	 * @param suppressAfter refusals of an address (a permanent reply about the recipient)
	 * after which its subscriber is suppressed
	 * @param burstLimit immediate alerts one subscriber receives per hour (UTC) before
	 * the rest of the hour rolls into one email at its end; 0 for no limit
	 * @param maxPerSecond most emails this instance sends per second, to stay within what
	 * the SMTP relay accepts (GOV.UK Notify takes 350/s, SES accounts start lower); 0 for
	 * no limit
	 */
	public record Delivery(@Min(1) @Max(1000) @DefaultValue("100") int batchSize,
			@Min(1) @Max(1000) @DefaultValue("10") int recordEvery, @Min(1) @DefaultValue("4") int concurrency,
			@NotNull @DefaultValue("30s") Duration lease, @NotNull @DefaultValue("2s") Duration scanInterval,
			@Min(1) @DefaultValue("3") int suppressAfter, @Min(0) @DefaultValue("10") int burstLimit,
			@Min(0) @DefaultValue("0") int maxPerSecond) {
	}

	/**
	 * Exponential back-off while a dependency fails, without a last attempt.
	 *
	 * @param initialInterval wait before the first retry
	 * @param multiplier factor applied to the wait after each retry
	 * @param maxInterval longest wait between retries
	 */
	public record Retry(@NotNull @DefaultValue("1s") Duration initialInterval,
			@DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
			@NotNull @DefaultValue("60s") Duration maxInterval) {

		/**
		 * The wait before the next try, at most the longest interval.
		 * @param failures tries that failed in a row so far, at least one
		 * @return the wait
		 */
		public Duration after(int failures) {
			return after(failures, this.maxInterval);
		}

		/**
		 * The wait before the next try: the first interval, multiplied once for each
		 * further failure in a row, at most a cap.
		 * @param failures tries that failed in a row so far, at least one
		 * @param cap the longest wait
		 * @return the wait
		 */
		public Duration after(int failures, Duration cap) {
			double millis = this.initialInterval.toMillis() * Math.pow(this.multiplier, Math.max(0, failures - 1));
			return (millis >= cap.toMillis()) ? cap : Duration.ofMillis((long) millis);
		}

	}

}
