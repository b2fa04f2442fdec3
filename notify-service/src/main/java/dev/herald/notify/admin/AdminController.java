package dev.herald.notify.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ledger.PendingEmail;
import dev.herald.notify.matching.DeadLetterRedrive;
import dev.herald.notify.schedule.EmailKind;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import dev.herald.notify.subscription.SubscriberStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What operators see and do: a record's ledger entries by state (scheduled ones with the
 * email that will carry them and when it is due), what waits for each subscriber, counts,
 * a resend of a record's failed entries and a re-drive of the records dead-letter topic.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin", description = "Operators' view; requires the X-Admin-Key header")
@SecurityRequirement(name = AdminWebConfiguration.SECURITY_SCHEME)
class AdminController {

	private static final int MAX_PAGE_SIZE = 500;

	private static final int MAX_REDRIVE = 10_000;

	private static final Duration REDRIVE_TIMEOUT = Duration.ofSeconds(30);

	private final DeliveryLedger ledger;

	private final Outbox outbox;

	private final SubscriberStore subscribers;

	private final FailedResend resend;

	private final DeadLetterRedrive redrive;

	private final Clock clock;

	AdminController(DeliveryLedger ledger, Outbox outbox, SubscriberStore subscribers, FailedResend resend,
			DeadLetterRedrive redrive, Clock clock) {
		this.ledger = ledger;
		this.outbox = outbox;
		this.subscribers = subscribers;
		this.resend = resend;
		this.redrive = redrive;
		this.clock = clock;
	}

	@GetMapping("/deliveries")
	@Operation(summary = "Ledger entries of one record: counts by state, and one page of entries",
			description = "Scheduled entries name the email that will carry them and when it is due.")
	DeliveriesPage deliveries(@RequestParam UUID recordId, @RequestParam(required = false) DeliveryStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		checkPage(page, size);
		String record = recordId.toString();
		List<Delivery> entries = this.ledger.findByRecord(record, status, PageRequest.of(page, size));
		Map<String, Subscriber> byId = this.subscribers
			.findAllById(entries.stream().map(Delivery::subscriberId).toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		Map<DeliveryStatus, Long> counts = this.ledger.countByStatus(record);
		long total = (status != null) ? counts.get(status) : counts.values().stream().mapToLong(Long::longValue).sum();
		List<DeliveryRow> rows = entries.stream()
			.map((entry) -> DeliveryRow.of(entry, byId.get(entry.subscriberId())))
			.toList();
		return new DeliveriesPage(record, counts, page, size, total, rows);
	}

	@GetMapping("/subscribers/{subscriberId}/waiting")
	@Operation(summary = "Emails still to send to one subscriber, the soonest due first",
			description = "Immediate alerts, alerts held by quiet hours or a burst, and the next digest, "
					+ "with the records each carries and its failed tries.")
	Waiting waiting(@PathVariable UUID subscriberId) {
		String id = subscriberId.toString();
		if (this.subscribers.findById(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscriber " + id);
		}
		Instant now = this.clock.instant();
		List<WaitingEmail> emails = this.outbox.findBySubscriber(id)
			.stream()
			.map((email) -> WaitingEmail.of(email, now))
			.toList();
		return new Waiting(id, emails);
	}

	@PostMapping("/subscribers/{subscriberId}/revoke-links")
	@Operation(summary = "Void every confirmation and manage link issued to one subscriber",
			description = "For a forwarded or leaked link. Unsubscribe links keep working: they can only "
					+ "unsubscribe. The next email the subscriber gets carries fresh links.")
	Revoked revokeLinks(@PathVariable UUID subscriberId) {
		String id = subscriberId.toString();
		Subscriber subscriber = this.subscribers.revokeLinks(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscriber " + id));
		return new Revoked(id, subscriber.tokenVersion());
	}

	@GetMapping("/stats")
	@Operation(summary = "Subscribers by status, ledger entries by state, emails still to send")
	Stats stats() {
		return new Stats(this.subscribers.countByStatus(), this.ledger.countByStatus(null),
				this.outbox.backlog(this.clock.instant()));
	}

	@PostMapping("/deliveries/resend")
	@Operation(summary = "Send again the failed entries of one record",
			description = "Schedules them as each subscriber's schedule says now; "
					+ "subscribers no longer active are skipped when their email is due.")
	Resent resend(@RequestParam UUID recordId) {
		return new Resent(recordId.toString(), this.resend.resend(recordId.toString()));
	}

	@PostMapping("/dead-letters/records/redrive")
	@Operation(summary = "Re-drive the records dead-letter topic",
			description = "Matches the messages that arrived since the last re-drive and that the contract "
					+ "now accepts; reports those it still refuses. Matching is idempotent.")
	DeadLetterRedrive.Result redrive(@RequestParam(defaultValue = "1000") int limit) {
		if (limit < 1 || limit > MAX_REDRIVE) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_REDRIVE);
		}
		return this.redrive.redrive(limit, REDRIVE_TIMEOUT);
	}

	private static void checkPage(int page, int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
		}
	}

	record DeliveriesPage(String recordId, Map<DeliveryStatus, Long> counts, int page, int size, long totalElements,
			List<DeliveryRow> content) {
	}

	record DeliveryRow(String subscriberId, String email, DeliveryStatus status, String emailId, EmailKind emailKind,
			Instant dueAt, String lastError, Instant createdAt, Instant sentAt, Instant updatedAt) {

		static DeliveryRow of(Delivery entry, Subscriber subscriber) {
			boolean scheduled = entry.status() == DeliveryStatus.SCHEDULED;
			return new DeliveryRow(entry.subscriberId(), (subscriber != null) ? subscriber.email() : null,
					entry.status(), entry.emailId(), entry.emailKind(), scheduled ? entry.dueAt() : null,
					entry.lastError(), entry.createdAt(), entry.sentAt(), entry.updatedAt());
		}

	}

	record Waiting(String subscriberId, List<WaitingEmail> emails) {
	}

	record WaitingEmail(String emailId, EmailKind kind, Instant dueAt, List<String> records, boolean sending,
			int attempts, String lastError, Instant createdAt) {

		static WaitingEmail of(PendingEmail email, Instant now) {
			return new WaitingEmail(email.id(), email.kind(), email.dueAt(), email.records(), email.isHeld(now),
					email.attempts(), email.lastError(), email.createdAt());
		}

	}

	record Stats(Map<SubscriberStatus, Long> subscribers, Map<DeliveryStatus, Long> deliveries, Outbox.Backlog emails) {
	}

	record Resent(String recordId, int scheduled) {
	}

	record Revoked(String subscriberId, long tokenVersion) {
	}

}
