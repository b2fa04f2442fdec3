package dev.herald.notify.console;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.notify.admin.FailedResend;
import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ratelimit.ClientAddresses;
import dev.herald.notify.record.RecordSnapshots;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStore;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A record's deliveries: counts by state, the entries of one state, and a resend of the
 * failed ones.
 */
@Controller
class ConsoleRecords {

	static final int MAX_ROWS = 200;

	private final DeliveryLedger ledger;

	private final SubscriberStore subscribers;

	private final RecordSnapshots records;

	private final FailedResend resend;

	private final ConsoleAudit audit;

	private final ClientAddresses clients;

	ConsoleRecords(DeliveryLedger ledger, SubscriberStore subscribers, RecordSnapshots records, FailedResend resend,
			ConsoleAudit audit, ClientAddresses clients) {
		this.ledger = ledger;
		this.subscribers = subscribers;
		this.records = records;
		this.resend = resend;
		this.audit = audit;
		this.clients = clients;
	}

	@GetMapping("/console/records/{recordId}")
	String record(@PathVariable UUID recordId, @RequestParam(required = false) DeliveryState state, Model model) {
		String id = recordId.toString();
		Map<DeliveryState, Long> counts = DeliveryState
			.tally(List.of(id), this.ledger.countByRecordStatusAndKind(List.of(id)))
			.get(id);
		List<Delivery> entries = (state != null) ? this.ledger.findByRecord(id, state.status(), state.kinds(), MAX_ROWS)
				: this.ledger.findByRecord(id, null, List.of(), MAX_ROWS);
		Map<String, Subscriber> byId = this.subscribers
			.findAllById(entries.stream().map(Delivery::subscriberId).toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		model.addAttribute("recordId", id);
		model.addAttribute("record", this.records.findAllById(List.of(id)).get(id));
		model.addAttribute("counts", counts);
		model.addAttribute("state", state);
		model.addAttribute("states", DeliveryState.values());
		model.addAttribute("rows",
				entries.stream().map((entry) -> Row.of(entry, byId.get(entry.subscriberId()))).toList());
		return "console/record";
	}

	@PostMapping("/console/records/{recordId}/resend")
	String resend(@PathVariable UUID recordId, Principal operator, HttpServletRequest request,
			RedirectAttributes redirect) {
		String id = recordId.toString();
		int scheduled = this.resend.resend(id);
		this.audit.record(operator.getName(), this.clients.of(request), "resend-failed", "record " + id,
				scheduled + " scheduled again");
		redirect.addFlashAttribute("done", "resent");
		redirect.addFlashAttribute("count", scheduled);
		return "redirect:/console/records/" + id;
	}

	/**
	 * A delivery as the page shows it.
	 *
	 * @param subscriberId the subscriber
	 * @param email the subscriber's address, when the subscriber still exists
	 * @param state where the delivery stands
	 * @param delivery the ledger entry
	 */
	record Row(String subscriberId, String email, DeliveryState state, Delivery delivery) {

		static Row of(Delivery delivery, Subscriber subscriber) {
			return new Row(delivery.subscriberId(), (subscriber != null) ? subscriber.email() : null,
					DeliveryState.of(delivery), delivery);
		}

	}

}
