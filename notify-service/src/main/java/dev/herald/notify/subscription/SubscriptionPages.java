package dev.herald.notify.subscription;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.notify.ratelimit.ClientAddresses;
import dev.herald.notify.ratelimit.RateLimitExceededException;
import dev.herald.notify.search.SavedSearch;
import dev.herald.notify.token.InvalidTokenException;
import dev.herald.notify.token.SubscriberLinks;
import dev.herald.notify.token.TokenPurpose;
import dev.herald.notify.token.TokenService;
import dev.herald.notify.web.FormOrigins.ForeignOriginException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The HTML pages of subscribers: the subscribe form, the confirmation page, the manage
 * page and the unsubscribe page. A GET never unsubscribes (link scanners follow GETs);
 * the unsubscribe page's button, and mail clients (RFC 8058), POST
 * {@code List-Unsubscribe=One-Click}.
 */
@Controller
class SubscriptionPages {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionPages.class);

	private final SubscriptionService subscriptions;

	private final ClientAddresses clients;

	private final Taxonomy topics;

	private final TokenService tokens;

	private final SubscriberLinks links;

	SubscriptionPages(SubscriptionService subscriptions, Taxonomy topics, TokenService tokens, SubscriberLinks links,
			ClientAddresses clients) {
		this.clients = clients;
		this.subscriptions = subscriptions;
		this.topics = topics;
		this.tokens = tokens;
		this.links = links;
	}

	/**
	 * Every page here may carry a token in its address or its forms: no cache keeps it,
	 * and no link followed from it to another site hands it on. Within this service the
	 * referrer stays: with {@code no-referrer} a browser posts this page's own forms with
	 * {@code Origin: null}, which the origin check must refuse.
	 */
	@ModelAttribute
	void tokenHeaders(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("Referrer-Policy", "same-origin");
	}

	@GetMapping("/subscribe")
	ModelAndView subscribeForm() {
		return form("", List.of(), "en", ScheduleForm.DEFAULT, List.of(), Map.of(), HttpStatus.OK);
	}

	@PostMapping("/subscribe")
	ModelAndView subscribe(@RequestParam(required = false) String email,
			@RequestParam(required = false) List<String> topics, @RequestParam(required = false) String language,
			ScheduleForm schedule, SearchesForm searches, HttpServletRequest request) {
		ScheduleInput input = schedule.input();
		try {
			this.subscriptions.subscribe(
					new SubscriptionRequest(email, topics, language, input.frequency(), input.deliveryTime(),
							input.dayOfWeek(), input.timeZone(), input.quietHours(), searches.toSearches()),
					this.clients.of(request));
		}
		catch (InvalidSubscriptionException ex) {
			return form(email, topics, language, schedule, searches.toSearches(), ex.errors(), HttpStatus.BAD_REQUEST);
		}
		return new ModelAndView("subscribe-accepted", Map.of(), HttpStatus.ACCEPTED);
	}

	@GetMapping("/subscriptions/confirm")
	ModelAndView confirmForm(@RequestParam(required = false) String token, Locale locale) {
		Subscriber subscriber = this.subscriptions.confirmation(token);
		if (subscriber.isActive()) {
			return confirmed(subscriber, locale);
		}
		return new ModelAndView("confirm",
				Map.of("token", token, "topics", this.subscriptions.labels(subscriber.topics(), locale), "searches",
						this.subscriptions.queries(subscriber)));
	}

	@PostMapping("/subscriptions/confirm")
	ModelAndView confirm(@RequestParam(required = false) String token, Locale locale) {
		return confirmed(this.subscriptions.confirm(token), locale);
	}

	private ModelAndView confirmed(Subscriber subscriber, Locale locale) {
		return new ModelAndView("confirmed",
				Map.of("topics", this.subscriptions.labels(subscriber.topics(), locale), "searches",
						this.subscriptions.queries(subscriber), "manageUrl",
						this.links.manage(subscriber.id(), subscriber.tokenVersion())));
	}

	@GetMapping("/subscriptions/manage")
	ModelAndView manage(@RequestParam(required = false) String token) {
		Subscriber subscriber = this.subscriptions.show(token);
		return managePage(subscriber, subscriber.searchesOrEmpty(), token, false, Map.of(), HttpStatus.OK);
	}

	@PostMapping("/subscriptions/manage")
	ModelAndView change(@RequestParam(required = false) String token,
			@RequestParam(required = false) List<String> topics, @RequestParam(required = false) String language,
			ScheduleForm schedule, SearchesForm searches) {
		Subscriber subscriber = this.subscriptions.show(token);
		ScheduleInput input = schedule.input();
		try {
			// The form always sends the topics and searches: none is a choice too.
			Subscriber changed = this.subscriptions.change(token,
					new SubscriptionChange((topics != null) ? topics : List.of(), language, input.frequency(),
							input.deliveryTime(), input.dayOfWeek(), input.timeZone(), input.quietHours(),
							searches.toSearches()));
			return managePage(changed, changed.searchesOrEmpty(), token, true, Map.of(), HttpStatus.OK);
		}
		catch (InvalidSubscriptionException ex) {
			return managePage(subscriber, searches.toSearches(), token, false, ex.errors(), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/unsubscribe")
	ModelAndView unsubscribeForm(@RequestParam(required = false) String token) {
		this.tokens.verify(token, TokenPurpose.UNSUBSCRIBE);
		return new ModelAndView("unsubscribe", Map.of("token", token));
	}

	@PostMapping("/unsubscribe")
	ModelAndView unsubscribe(@RequestParam(required = false) String token,
			@RequestParam(name = "List-Unsubscribe", required = false) String oneClick) {
		if (!"One-Click".equals(oneClick)) {
			return new ModelAndView("link-invalid", Map.of("reason", "invalid.one-click"), HttpStatus.BAD_REQUEST);
		}
		this.subscriptions.unsubscribe(token);
		return new ModelAndView("unsubscribed", Map.of());
	}

	@ExceptionHandler(InvalidTokenException.class)
	ModelAndView invalidToken(InvalidTokenException ex) {
		logger.info("Refused a subscriber link: {}", ex.reason());
		String reason = (ex.reason() == InvalidTokenException.Reason.NO_LONGER_VALID) ? "invalid.no-longer-valid"
				: "invalid.expired";
		return new ModelAndView("link-invalid", Map.of("reason", reason), HttpStatus.BAD_REQUEST);
	}

	/**
	 * A form whose fields cannot be bound at all (such as a search row far beyond those
	 * the page offers): a 400 page, never a 500.
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	ModelAndView unbindable(InvalidPropertyException ex) {
		logger.info("Refused a form that cannot be read: {}", ex.getPropertyName());
		return new ModelAndView("error", Map.of("status", 400, "reason", "error.bad-form"), HttpStatus.BAD_REQUEST);
	}

	@ExceptionHandler(ForeignOriginException.class)
	ModelAndView foreignOrigin(ForeignOriginException ex) {
		logger.warn("Refused a form: {}", ex.getMessage());
		return new ModelAndView("error", Map.of("status", 403, "reason", "error.foreign-origin"), HttpStatus.FORBIDDEN);
	}

	@ExceptionHandler(RateLimitExceededException.class)
	ModelAndView rateLimited(RateLimitExceededException ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
		return new ModelAndView("try-later", Map.of("reason", "later." + ex.limit(), "seconds", ex.retryAfterSeconds()),
				HttpStatus.TOO_MANY_REQUESTS);
	}

	@ExceptionHandler(MailUnavailableException.class)
	ModelAndView mailUnavailable(MailUnavailableException ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, "60");
		return new ModelAndView("try-later", Map.of("reason", "later.mail", "seconds", 60),
				HttpStatus.SERVICE_UNAVAILABLE);
	}

	private ModelAndView form(String email, List<String> selected, String language, ScheduleForm schedule,
			List<SavedSearch> searches, Map<String, String> errors, HttpStatus status) {
		return new ModelAndView("subscribe",
				Map.of("topics", this.topics.topics(), "email", (email != null) ? email : "", "selected",
						(selected != null) ? selected : List.of(), "language", (language != null) ? language : "en",
						"schedule", schedule, "zones", ScheduleForm.ZONES, "searches", SearchesForm.rows(searches),
						"errors", errors),
				status);
	}

	private ModelAndView managePage(Subscriber subscriber, List<SavedSearch> searches, String token, boolean saved,
			Map<String, String> errors, HttpStatus status) {
		return new ModelAndView("manage",
				Map.of("subscriber", subscriber, "topics", this.topics.topics(), "token", token, "unsubscribeToken",
						this.links.unsubscribeToken(subscriber.id(), subscriber.tokenVersion()), "saved", saved,
						"schedule", ScheduleForm.of(subscriber.scheduleOrDefault()), "zones", ScheduleForm.ZONES,
						"searches", SearchesForm.rows(searches), "errors", errors),
				status);
	}

}
