package dev.herald.notify.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.record.RecordSnapshot;
import dev.herald.notify.record.RecordSnapshots;
import dev.herald.notify.relay.MailRelays;
import dev.herald.notify.relay.Relay;
import dev.herald.notify.subscription.SubscriberStore;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's first page, and its sign-in page. The first page shows the state of
 * delivery (relays, sending rate, backlog), subscribers by state, the recent records with
 * their deliveries by state, and the audit list.
 */
@Controller
class ConsoleOverview {

	static final int RECENT_RECORDS = 20;

	static final int AUDIT_ENTRIES = 30;

	/** The window the sending rate is measured over. */
	static final Duration RATE_WINDOW = Duration.ofMinutes(5);

	private final MailRelays relays;

	private final DeliveryLedger ledger;

	private final Outbox outbox;

	private final SubscriberStore subscribers;

	private final RecordSnapshots records;

	private final ConsoleAudit audit;

	private final NotifyProperties properties;

	private final Clock clock;

	ConsoleOverview(MailRelays relays, DeliveryLedger ledger, Outbox outbox, SubscriberStore subscribers,
			RecordSnapshots records, ConsoleAudit audit, NotifyProperties properties, Clock clock) {
		this.relays = relays;
		this.ledger = ledger;
		this.outbox = outbox;
		this.subscribers = subscribers;
		this.records = records;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/console/sign-in")
	String signIn(@RequestParam(required = false) String error, Model model) {
		return "console/sign-in";
	}

	@GetMapping("/console")
	String overview(Model model) {
		Instant now = this.clock.instant();
		this.relays.probe();
		String inUse = this.relays.inUse().map(Relay::name).orElse(null);
		List<RelayRow> relayRows = this.relays.all()
			.stream()
			.map((relay) -> new RelayRow(relay.name(), !relay.isFailing(), relay.name().equals(inUse),
					relay.lastFailure()))
			.toList();
		long sent = this.ledger.countSentSince(now.minus(RATE_WINDOW));
		List<RecordSnapshot> recent = this.records.newest(RECENT_RECORDS);
		List<String> ids = recent.stream().map(RecordSnapshot::id).toList();
		Map<String, Map<DeliveryState, Long>> counts = DeliveryState.tally(ids,
				this.ledger.countByRecordStatusAndKind(ids));
		model.addAttribute("relays", relayRows);
		model.addAttribute("sentPerMinute", (double) sent / RATE_WINDOW.toMinutes());
		model.addAttribute("maxPerSecond", this.properties.delivery().maxPerSecond());
		model.addAttribute("backlog", this.outbox.backlog(now));
		model.addAttribute("subscriberCounts", this.subscribers.countByStatus());
		model.addAttribute("records", recent);
		model.addAttribute("counts", counts);
		model.addAttribute("states", DeliveryState.values());
		model.addAttribute("audit", this.audit.recent(AUDIT_ENTRIES));
		return "console/overview";
	}

	/**
	 * A relay as the page shows it.
	 *
	 * @param name its name
	 * @param up whether it is not failing
	 * @param inUse whether senders use it now
	 * @param lastFailure the reason of its last failure, while failing
	 */
	record RelayRow(String name, boolean up, boolean inUse, String lastFailure) {
	}

}
