package dev.herald.notify.subscription;

import java.util.List;
import java.util.Map;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.contracts.topics.Topic;
import dev.herald.notify.ratelimit.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of subscriptions. The subscriber's own endpoints take the manage token of
 * an emailed link as a bearer token.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Subscriptions",
		description = "Subscribe with double opt-in; show, change and cancel through a manage token")
class SubscriptionController {

	static final String ACCEPTED_MESSAGE = "If this address can receive email, a message is on its way to it: "
			+ "follow its link to confirm the subscription, or to manage it if it is already active.";

	private final SubscriptionService subscriptions;

	private final ClientAddresses clients;

	private final Taxonomy topics;

	SubscriptionController(SubscriptionService subscriptions, Taxonomy topics, ClientAddresses clients) {
		this.clients = clients;
		this.subscriptions = subscriptions;
		this.topics = topics;
	}

	@PostMapping("/subscriptions")
	@Operation(summary = "Subscribe an address to topics",
			description = "Always 202 with the same body, whether the address is new, pending or active. "
					+ "Sends a confirmation email (or a manage email to an active address). "
					+ "Limited per client and per address: 429 with Retry-After.")
	ResponseEntity<Accepted> subscribe(@RequestBody SubscriptionRequest request, HttpServletRequest http) {
		this.subscriptions.subscribe(request, this.clients.of(http));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted("accepted", ACCEPTED_MESSAGE));
	}

	@GetMapping("/subscriptions/me")
	@Operation(summary = "Show the subscription of a manage token (Authorization: Bearer <token>)")
	SubscriptionView show(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return SubscriptionView.of(this.subscriptions.show(bearer(authorization)));
	}

	@PutMapping("/subscriptions/me")
	@Operation(summary = "Change the topics, language and schedule of the subscription of a manage token")
	SubscriptionView change(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody SubscriptionChange change) {
		return SubscriptionView.of(this.subscriptions.change(bearer(authorization), change));
	}

	@DeleteMapping("/subscriptions/me")
	@Operation(summary = "Cancel the subscription of a manage token")
	SubscriptionView unsubscribe(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return SubscriptionView.of(this.subscriptions.unsubscribeManaged(bearer(authorization)));
	}

	@GetMapping("/topics")
	@Operation(summary = "The topics one can subscribe to")
	List<TopicView> topics() {
		return this.topics.topics().stream().map(TopicView::of).toList();
	}

	private static String bearer(String authorization) {
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).trim();
		}
		return null;
	}

	/**
	 * The answer to every accepted subscribe request.
	 *
	 * @param status always {@code accepted}
	 * @param message what happens next
	 */
	record Accepted(String status, String message) {
	}

	/**
	 * A topic as subscribers see it: its keyword rules are ingest's business.
	 *
	 * @param slug the slug to subscribe with
	 * @param label English label
	 * @param description English description
	 * @param translations label and description in other languages, by language code
	 */
	record TopicView(String slug, String label, String description, Map<String, Topic.Translation> translations) {

		static TopicView of(Topic topic) {
			return new TopicView(topic.slug(), topic.label(), topic.description(), topic.translations());
		}

	}

}
