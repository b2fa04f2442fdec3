package dev.herald.notify.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.notify.delivery.Delivery;
import dev.herald.notify.delivery.DeliveryHandoff;
import dev.herald.notify.delivery.DeliveryLedger;
import dev.herald.notify.delivery.DeliveryStatus;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import dev.herald.notify.subscription.SubscriberStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What operators see: each subscriber's delivery of a record, counts by status, and a
 * resend of the failed deliveries of a record.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin", description = "Operators' view; requires the X-Admin-Key header")
@SecurityRequirement(name = AdminWebConfiguration.SECURITY_SCHEME)
class AdminController {

	private static final int MAX_PAGE_SIZE = 500;

	private final DeliveryLedger ledger;

	private final DeliveryHandoff handoff;

	private final SubscriberStore subscribers;

	private final Clock clock;

	AdminController(DeliveryLedger ledger, DeliveryHandoff handoff, SubscriberStore subscribers, Clock clock) {
		this.ledger = ledger;
		this.handoff = handoff;
		this.subscribers = subscribers;
		this.clock = clock;
	}

	@GetMapping("/deliveries")
	@Operation(summary = "Deliveries of one record: status, attempts and last error per subscriber, paged")
	DeliveriesPage deliveries(@RequestParam UUID recordId, @RequestParam(required = false) DeliveryStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
		}
		String record = recordId.toString();
		List<Delivery> entries = this.ledger.findByRecord(record, status, PageRequest.of(page, size));
		Map<String, Subscriber> byId = this.subscribers
			.findAllById(entries.stream().map(Delivery::subscriberId).toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		List<DeliveryRow> rows = entries.stream()
			.map((entry) -> DeliveryRow.of(entry, byId.get(entry.subscriberId())))
			.toList();
		return new DeliveriesPage(record, page, size, this.ledger.countByRecord(record, status), rows);
	}

	@GetMapping("/stats")
	@Operation(summary = "Subscribers by status and deliveries by status")
	Stats stats() {
		return new Stats(this.subscribers.countByStatus(), this.ledger.countByStatus());
	}

	@PostMapping("/deliveries/resend")
	@Operation(summary = "Send again the failed deliveries of one record",
			description = "Puts them back to pending and hands them to the senders; "
					+ "subscribers no longer active are skipped when it is their turn.")
	Resent resend(@RequestParam UUID recordId) {
		Instant now = this.clock.instant();
		List<Delivery> requeued = this.ledger.requeueFailed(recordId.toString(), now);
		this.handoff.handOff(requeued);
		return new Resent(recordId.toString(), requeued.size());
	}

	record DeliveriesPage(String recordId, int page, int size, long totalElements, List<DeliveryRow> content) {
	}

	record DeliveryRow(String subscriberId, String email, DeliveryStatus status, int attempts, String lastError,
			Instant createdAt, Instant sentAt, Instant updatedAt) {

		static DeliveryRow of(Delivery entry, Subscriber subscriber) {
			return new DeliveryRow(entry.subscriberId(), (subscriber != null) ? subscriber.email() : null,
					entry.status(), entry.attempts(), entry.lastError(), entry.createdAt(), entry.sentAt(),
					entry.updatedAt());
		}

	}

	record Stats(Map<SubscriberStatus, Long> subscribers, Map<DeliveryStatus, Long> deliveries) {
	}

	record Resent(String recordId, int requeued) {
	}

}
