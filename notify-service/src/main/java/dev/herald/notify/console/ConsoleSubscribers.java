package dev.herald.notify.console;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ratelimit.ClientAddresses;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import dev.herald.notify.subscription.SubscriberStore;
import dev.herald.notify.subscription.Suppression;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Subscribers: listed by state or found by exact address; one subscriber's preferences,
 * recent deliveries and waiting emails; suppress or reactivate one, or void the links it
 * was sent.
 */
@Controller
class ConsoleSubscribers {

	static final int PAGE_SIZE = 50;

	static final int RECENT_DELIVERIES = 50;

	private static final int MAX_ADDRESS = 254;

	private final SubscriberStore subscribers;

	private final Suppression suppression;

	private final DeliveryLedger ledger;

	private final Outbox outbox;

	private final ConsoleAudit audit;

	private final ClientAddresses clients;

	private final Clock clock;

	ConsoleSubscribers(SubscriberStore subscribers, Suppression suppression, DeliveryLedger ledger, Outbox outbox,
			ConsoleAudit audit, ClientAddresses clients, Clock clock) {
		this.subscribers = subscribers;
		this.suppression = suppression;
		this.ledger = ledger;
		this.outbox = outbox;
		this.audit = audit;
		this.clients = clients;
		this.clock = clock;
	}

	@GetMapping("/console/subscribers")
	String list(@RequestParam(required = false) String email,
			@RequestParam(defaultValue = "ACTIVE") SubscriberStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		if (email != null && !email.isBlank()) {
			if (email.length() > MAX_ADDRESS) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "email is longer than " + MAX_ADDRESS);
			}
			Optional<Subscriber> found = this.subscribers.findByEmail(email);
			if (found.isPresent()) {
				return "redirect:/console/subscribers/" + found.get().id();
			}
			model.addAttribute("notFound", email.strip());
		}
		int from = Math.max(0, Math.min(page, 10_000));
		List<Subscriber> shown = this.subscribers.findByStatus(status, from * PAGE_SIZE, PAGE_SIZE + 1);
		model.addAttribute("status", status);
		model.addAttribute("statuses", SubscriberStatus.values());
		model.addAttribute("counts", this.subscribers.countByStatus());
		model.addAttribute("subscribers", shown.subList(0, Math.min(shown.size(), PAGE_SIZE)));
		model.addAttribute("page", from);
		model.addAttribute("more", shown.size() > PAGE_SIZE);
		return "console/subscribers";
	}

	@GetMapping("/console/subscribers/{subscriberId}")
	String subscriber(@PathVariable UUID subscriberId, Model model) {
		Subscriber subscriber = find(subscriberId);
		model.addAttribute("subscriber", subscriber);
		model.addAttribute("deliveries",
				this.ledger.findBySubscriber(subscriber.id(), RECENT_DELIVERIES)
					.stream()
					.map((entry) -> ConsoleRecords.Row.of(entry, subscriber))
					.toList());
		model.addAttribute("waiting", this.outbox.findBySubscriber(subscriber.id()));
		model.addAttribute("now", this.clock.instant());
		return "console/subscriber";
	}

	@PostMapping("/console/subscribers/{subscriberId}/suppress")
	String suppress(@PathVariable UUID subscriberId, Principal operator, HttpServletRequest request,
			RedirectAttributes redirect) {
		return act(subscriberId, "suppress", this.suppression::suppress, operator, request, redirect);
	}

	@PostMapping("/console/subscribers/{subscriberId}/reactivate")
	String reactivate(@PathVariable UUID subscriberId, Principal operator, HttpServletRequest request,
			RedirectAttributes redirect) {
		return act(subscriberId, "reactivate", this.suppression::reactivate, operator, request, redirect);
	}

	@PostMapping("/console/subscribers/{subscriberId}/revoke-links")
	String revokeLinks(@PathVariable UUID subscriberId, Principal operator, HttpServletRequest request,
			RedirectAttributes redirect) {
		return act(subscriberId, "revoke-links", this.subscribers::revokeLinks, operator, request, redirect);
	}

	private String act(UUID subscriberId, String action, Function<String, Optional<Subscriber>> change,
			Principal operator, HttpServletRequest request, RedirectAttributes redirect) {
		Subscriber before = find(subscriberId);
		Optional<Subscriber> after = change.apply(before.id());
		String outcome = after.map((subscriber) -> "now " + subscriber.status())
			.orElse("refused: subscriber is " + before.status());
		this.audit.record(operator.getName(), this.clients.of(request), action, "subscriber " + before.id(), outcome);
		redirect.addFlashAttribute("done", after.isPresent() ? action : action + "-refused");
		return "redirect:/console/subscribers/" + before.id();
	}

	private Subscriber find(UUID subscriberId) {
		return this.subscribers.findById(subscriberId.toString())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscriber " + subscriberId));
	}

}
