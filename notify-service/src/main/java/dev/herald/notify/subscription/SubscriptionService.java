package dev.herald.notify.subscription;

import java.time.Instant;
import java.util.List;

import dev.herald.notify.mail.ConfirmationMail;
import dev.herald.notify.mail.ManageMail;
import dev.herald.notify.mail.SubscriptionMailer;
import dev.herald.notify.ratelimit.AddressQuota;
import dev.herald.notify.ratelimit.ClientRateLimiter;
import dev.herald.notify.token.InvalidTokenException;
import dev.herald.notify.token.SubscriberLinks;
import dev.herald.notify.token.TokenPurpose;
import dev.herald.notify.token.TokenService;
import dev.herald.notify.topic.TopicCatalog;
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

	private final TopicCatalog topics;

	private final ApplicationEventPublisher events;

	SubscriptionService(SubscriberStore store, SubscriptionValidator validator, ClientRateLimiter clientLimiter,
			AddressQuota addressQuota, SubscriptionMailer mailer, SubscriberLinks links, TokenService tokens,
			TopicCatalog topics, ApplicationEventPublisher events) {
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
		Subscriber subscriber = this.store.register(valid.email(), valid.topics(), valid.language(), valid.schedule());
		try {
			if (subscriber.isActive()) {
				this.mailer.send(new ManageMail(subscriber.email(), this.links.manageOnRequest(subscriber.id()),
						this.links.unsubscribe(subscriber.id()), labels(subscriber.topics())));
			}
			else {
				this.mailer.send(new ConfirmationMail(subscriber.email(), this.links.confirm(subscriber.id()),
						labels(subscriber.topics())));
			}
		}
		catch (MailException ex) {
			logger.warn("Could not send the subscription email of subscriber {}", subscriber.id(), ex);
			this.addressQuota.release(valid.email().quotaKey(), slot);
			throw new MailUnavailableException(ex);
		}
	}

	/**
	 * Confirm a subscription.
	 * @param token a confirmation token
	 * @return the active subscriber
	 * @throws InvalidTokenException when the token is invalid or expired, or the
	 * subscription was cancelled since
	 */
	public Subscriber confirm(String token) {
		Subscriber subscriber = this.store.activate(verify(token, TokenPurpose.CONFIRM))
			.orElseThrow(InvalidTokenException::unknownSubscriber);
		if (!subscriber.isActive()) {
			throw InvalidTokenException.noLongerValid();
		}
		return subscriber;
	}

	/**
	 * The subscription a manage token is for.
	 * @param token a manage token
	 * @return the subscriber
	 * @throws InvalidTokenException when the token is invalid or expired
	 */
	public Subscriber show(String token) {
		return this.store.findById(verify(token, TokenPurpose.MANAGE))
			.orElseThrow(InvalidTokenException::unknownSubscriber);
	}

	/**
	 * Change a subscription's topics, language and schedule. What is still waiting to be
	 * sent follows the new schedule.
	 * @param token a manage token
	 * @param change the change
	 * @return the changed subscriber
	 * @throws InvalidTokenException when the token is invalid or expired
	 * @throws InvalidSubscriptionException when a field is invalid
	 */
	public Subscriber change(String token, SubscriptionChange change) {
		String id = verify(token, TokenPurpose.MANAGE);
		SubscriptionValidator.Change valid = this.validator.validate(change);
		Subscriber changed = this.store.change(id, valid.topics(), valid.language(), valid.schedule())
			.orElseThrow(InvalidTokenException::unknownSubscriber);
		if (valid.schedule() != null) {
			this.events.publishEvent(new ScheduleChanged(id));
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
		return this.store.unsubscribe(verify(token, TokenPurpose.UNSUBSCRIBE))
			.orElseThrow(InvalidTokenException::unknownSubscriber);
	}

	/**
	 * Unsubscribe through a manage token, idempotently.
	 * @param token a manage token
	 * @return the unsubscribed subscriber
	 * @throws InvalidTokenException when the token is invalid or expired
	 */
	public Subscriber unsubscribeManaged(String token) {
		return this.store.unsubscribe(verify(token, TokenPurpose.MANAGE))
			.orElseThrow(InvalidTokenException::unknownSubscriber);
	}

	/**
	 * The labels of topics.
	 * @param slugs topic slugs
	 * @return their labels
	 */
	public List<String> labels(List<String> slugs) {
		return (slugs != null) ? slugs.stream().map(this.topics::label).toList() : List.of();
	}

	private String verify(String token, TokenPurpose purpose) {
		return this.tokens.verify(token, purpose).subscriberId();
	}

}
