package dev.herald.notify.console;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.schedule.EmailKind;

/**
 * Where a delivery stands, as operators speak of it: the ledger's statuses, with entries
 * still to send told apart by whether an alert or a digest will carry them.
 */
enum DeliveryState {

	/** Accepted by the SMTP server. */
	SENT(DeliveryStatus.SENT, Set.of()),

	/** To go out in an alert: at once, or after quiet hours or a burst. */
	WAITING(DeliveryStatus.SCHEDULED, EnumSet.of(EmailKind.ALERT, EmailKind.QUIET, EmailKind.BURST)),

	/** To go out in the subscriber's next daily or weekly digest. */
	DIGEST(DeliveryStatus.SCHEDULED, EnumSet.of(EmailKind.DAILY, EmailKind.WEEKLY)),

	/** Refused for good by the recipient's mail server. */
	FAILED(DeliveryStatus.FAILED, Set.of()),

	/**
	 * Not sent: the subscriber left or was suppressed, or no longer follows what matched.
	 */
	SKIPPED(DeliveryStatus.SKIPPED, Set.of());

	private final DeliveryStatus status;

	private final Set<EmailKind> kinds;

	DeliveryState(DeliveryStatus status, Set<EmailKind> kinds) {
		this.status = status;
		this.kinds = kinds;
	}

	DeliveryStatus status() {
		return this.status;
	}

	Set<EmailKind> kinds() {
		return this.kinds;
	}

	static DeliveryState of(DeliveryStatus status, EmailKind kind) {
		if (status != DeliveryStatus.SCHEDULED) {
			return valueOf(status.name());
		}
		return DIGEST.kinds.contains(kind) ? DIGEST : WAITING;
	}

	static DeliveryState of(Delivery delivery) {
		return of(delivery.status(), delivery.emailKind());
	}

	/**
	 * Each record's deliveries by state, every state present (zero when none).
	 * @param recordIds the records, in the order to keep
	 * @param counts the ledger's counts of those records by status and kind of email
	 * @return the counts by record, then by state
	 */
	static Map<String, Map<DeliveryState, Long>> tally(Collection<String> recordIds,
			List<DeliveryLedger.Count> counts) {
		Map<String, Map<DeliveryState, Long>> tally = new LinkedHashMap<>();
		for (String recordId : recordIds) {
			Map<DeliveryState, Long> zeroes = new EnumMap<>(DeliveryState.class);
			for (DeliveryState state : values()) {
				zeroes.put(state, 0L);
			}
			tally.put(recordId, zeroes);
		}
		for (DeliveryLedger.Count count : counts) {
			tally.get(count.recordId()).merge(of(count.status(), count.kind()), count.count(), Long::sum);
		}
		return tally;
	}

}
