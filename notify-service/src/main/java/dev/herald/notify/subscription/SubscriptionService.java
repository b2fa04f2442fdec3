package dev.herald.notify.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.notify.mail.ConfirmationMail;
import dev.herald.notify.mail.ManageMail;
import dev.herald.notify.mail.SubscriptionMailer;
import dev.herald.notify.ratelimit.AddressQuota;
import dev.herald.notify.ratelimit.ClientRateLimiter;
import dev.herald.notify.search.SavedSearch;
import dev.herald.notify.token.InvalidTokenException;
import dev.herald.notify.token.SubscriberLinks;
import dev.herald.notify.token.TokenPurpose;
import dev.herald.notify.token.TokenService;
import dev.herald.notify.token.VerifiedToken;
import dev.herald.platform.logging.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Subscribing, confirming, changing topics and unsubscribing. A subscribe request gets
 * the same answer whatever the address's state; only the email differs (a confirmation
 * link, or a manage link for an active address), and it goes to the address itself.
 */
@Service
public class SubscriptionService {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionService.class);

	private final SubscriberStore store;

	private final SubscriptionValidator validator;

	private final ClientRateLimiter clientLimiter;

	private final AddressQuota addressQuota;

	private final SubscriptionMailer mailer;

	private final SubscriberLinks links;

	private final TokenService tokens;

	private final Taxonomy topics;

	private final ApplicationEventPublisher events;

	SubscriptionService(SubscriberStore store, SubscriptionValidator validator, ClientRateLimiter clientLimiter,
			AddressQuota addressQuota, SubscriptionMailer mailer, SubscriberLinks links, TokenService tokens,
			Taxonomy topics, ApplicationEventPublisher events) {
		this.store = store;
		this.validator = validator;
		this.clientLimiter = clientLimiter;
		this.addressQuota = addressQuota;
		this.mailer = mailer;
		this.links = links;
		this.tokens = tokens;
		this.topics = topics;
		this.events = events;
	}

	/**
	 * Handle a subscribe request.
	 * @param request the request
	 * @param client the client's address, for the per-client limit
	 * @throws dev.herald.notify.ratelimit.RateLimitExceededException over a limit
	 * @throws InvalidSubscriptionException when a field is invalid
	 * @throws MailUnavailableException when the email cannot be sent now
	 */
	public void subscribe(SubscriptionRequest request, String client) {
		this.clientLimiter.acquire(client);
		SubscriptionValidator.Valid valid = this.validator.validate(request);
		Instant slot = this.addressQuota.acquire(valid.email().quotaKey());
		Subscriber subscriber = this.store.register(valid.email(), valid.topics(), valid.language(), valid.schedule(),
				valid.searches());
		Locale locale = subscriber.locale();
		try {
			if (subscriber.isActive()) {
				this.mailer.send(new ManageMail(subscriber.email(),
						this.links.manageOnRequest(subscriber.id(), subscriber.tokenVersion()),
						this.links.unsubscribe(subscriber.id(), subscriber.tokenVersion()),
						labels(subscriber.topics(), locale), queries(subscriber), locale));
			}
			else {
				this.mailer.send(new ConfirmationMail(subscriber.email(),
						this.links.confirm(subscriber.id(), subscriber.tokenVersion()),
						labels(subscriber.topics(), locale), queries(subscriber), locale));
			}
		}
		catch (MailException ex) {
			logger.warn("Could not send the subscription email of subscriber {}", subscriber.id(),
					Masking.exception(ex));
			this.addressQuota.release(valid.email().quotaKey(), slot);
			throw new MailUnavailableException(ex);
		}
	}

	/**
	 * The subscription a confirmation link is for, changing nothing: the page it opens
	 * asks to confirm with a button, so that link scanners that follow it confirm
	 * nothing.
	 * @param token a confirmation token
	 * @return the subscriber, pending or already active
	 * @throws InvalidTokenException when the token is invalid or expired, or the
	 * subscription changed or was cancelled since it was sent
	 */
	public Subscriber confirmation(String token) {
		VerifiedToken verified = this.tokens.verify(token, TokenPurpose.CONFIRM);
		Subscriber subscriber = current(verified);
		if (subscriber.status() != SubscriberStatus.PENDING && !subscriber.isActive()) {
			throw InvalidTokenException.noLongerValid();
		}
		return subscriber;
	}

	/**
	 * Confirm a subscription: exactly the one the link was sent for.
	 * @param token a confirmation token
	 * @return the active subscriber
	 * @throws InvalidTokenException when the token is invalid or expired, or the
	 * subscription changed or was cancelled since it was sent
	 */
	public Subscriber confirm(String token) {
		VerifiedToken verified = this.tokens.verify(token, TokenPurpose.CONFIRM);
		Subscriber subscriber = this.store.activate(verified.subscriberId(), verified.version())
			.orElseThrow(InvalidTokenException::unknownSubscriber);
		if (subscriber.tokenVersion() != verified.version() || !subscriber.isActive()) {
			throw InvalidTokenException.noLongerValid();
		}
		return subscriber;
	}

	/**
	 * The subscription a manage token is for.
	 * @param token a manage token
	 * @return the subscriber
	 * @throws InvalidTokenException when the token is invalid or expired, or was voided
	 */
	public Subscriber show(String token) {
		return current(this.tokens.verify(token, TokenPurpose.MANAGE));
	}

	/**
	 * Change a subscription's topics, language and schedule. What is still waiting to be
	 * sent follows the new schedule.
	 * @param token a manage token
	 * @param change the change
	 * @return the changed subscriber
	 * @throws InvalidTokenException when the token is invalid or expired, or was voided
	 * @throws InvalidSubscriptionException when a field is invalid
	 */
	public Subscriber change(String token, SubscriptionChange change) {
		VerifiedToken verified = this.tokens.verify(token, TokenPurpose.MANAGE);
		current(verified);
		SubscriptionValidator.Change valid = this.validator.validate(change);
		Subscriber changed = this.store
			.change(verified.subscriberId(), verified.version(), valid.topics(), valid.language(), valid.schedule(),
					valid.searches())
			.orElseThrow(InvalidTokenException::noLongerValid);
		if (valid.schedule() != null) {
			this.events.publishEvent(new ScheduleChanged(changed.id()));
		}
		return changed;
	}

	/**
	 * Unsubscribe, idempotently.
	 * @param token an unsubscribe token
	 * @return the unsubscribed subscriber
	 * @throws InvalidTokenException when the token is invalid or expired
	 */
	public Subscriber unsubscribe(String token) {
		return this.store.unsubscribe(this.tokens.verify(token, TokenPurpose.UNSUBSCRIBE).subscriberId())
			.orElseThrow(InvalidTokenException::unknownSubscriber);
	}

	/**
	 * Unsubscribe through a manage token, idempotently.
	 * @param token a manage token
	 * @return the unsubscribed subscriber
	 * @throws InvalidTokenException when the token is invalid or expired
	 */
	public Subscriber unsubscribeManaged(String token) {
		return this.store.unsubscribe(current(this.tokens.verify(token, TokenPurpose.MANAGE)).id())
			.orElseThrow(InvalidTokenException::unknownSubscriber);
	}

	/**
	 * The queries of a subscriber's saved searches.
	 * @param subscriber the subscriber
	 * @return the queries
	 */
	public List<String> queries(Subscriber subscriber) {
		return subscriber.searchesOrEmpty().stream().map(SavedSearch::query).toList();
	}

	/**
	 * The labels of topics.
	 * @param slugs topic slugs
	 * @param locale the language
	 * @return their labels
	 */
	public List<String> labels(List<String> slugs, Locale locale) {
		return (slugs != null) ? slugs.stream().map((slug) -> this.topics.label(slug, locale)).toList() : List.of();
	}

	/** The subscriber of a verified token, if the token's version is still its own. */
	private Subscriber current(VerifiedToken verified) {
		Subscriber subscriber = this.store.findById(verified.subscriberId())
			.orElseThrow(InvalidTokenException::unknownSubscriber);
		if (subscriber.tokenVersion() != verified.version()) {
			throw InvalidTokenException.noLongerValid();
		}
		return subscriber;
	}

}
