package dev.herald.notify.token;

import java.net.URI;
import java.time.Duration;

import dev.herald.notify.NotifyProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signed links placed in emails and pages: confirm, manage and unsubscribe. Each
 * carries the subscriber's token version: a confirmation or manage link is honoured only
 * while the version is unchanged, an unsubscribe link always (it can only unsubscribe).
 */
@Component
public class SubscriberLinks {

	private final TokenService tokens;

	private final URI publicBaseUrl;

	private final NotifyProperties.Tokens lifetimes;

	private final String unsubscribeMailbox;

	SubscriberLinks(TokenService tokens, NotifyProperties properties) {
		this.tokens = tokens;
		this.publicBaseUrl = properties.publicBaseUrl();
		this.lifetimes = properties.tokens();
		this.unsubscribeMailbox = properties.mail().unsubscribeMailbox();
	}

	/**
	 * The link of a confirmation email.
	 * @param subscriberId the subscriber
	 * @param version the subscriber's token version
	 * @return the link, valid for the confirmation lifetime
	 */
	public String confirm(String subscriberId, long version) {
		return link("/subscriptions/confirm",
				issue(subscriberId, version, TokenPurpose.CONFIRM, this.lifetimes.confirmationTtl()));
	}

	/**
	 * The manage link of an email answering a subscribe request.
	 * @param subscriberId the subscriber
	 * @param version the subscriber's token version
	 * @return the link, valid for the confirmation lifetime
	 */
	public String manageOnRequest(String subscriberId, long version) {
		return link("/subscriptions/manage",
				issue(subscriberId, version, TokenPurpose.MANAGE, this.lifetimes.confirmationTtl()));
	}

	/**
	 * The manage link of an alert or page.
	 * @param subscriberId the subscriber
	 * @param version the subscriber's token version
	 * @return the link, valid for the link lifetime
	 */
	public String manage(String subscriberId, long version) {
		return link("/subscriptions/manage",
				issue(subscriberId, version, TokenPurpose.MANAGE, this.lifetimes.linkTtl()));
	}

	/**
	 * The unsubscribe link of an alert or page.
	 * @param subscriberId the subscriber
	 * @param version the subscriber's token version
	 * @return the link, valid for the link lifetime
	 */
	public String unsubscribe(String subscriberId, long version) {
		return link("/unsubscribe", unsubscribeToken(subscriberId, version));
	}

	/**
	 * A token to unsubscribe.
	 * @param subscriberId the subscriber
	 * @param version the subscriber's token version
	 * @return the token, valid for the link lifetime
	 */
	public String unsubscribeToken(String subscriberId, long version) {
		return issue(subscriberId, version, TokenPurpose.UNSUBSCRIBE, this.lifetimes.linkTtl());
	}

	/**
	 * The {@code mailto:} unsubscribe link of the {@code List-Unsubscribe} header.
	 * @param subscriberId the subscriber
	 * @param version the subscriber's token version
	 * @return the link, carrying an unsubscribe token in its subject
	 */
	public String unsubscribeMailto(String subscriberId, long version) {
		return "mailto:" + this.unsubscribeMailbox + "?subject=unsubscribe%20"
				+ unsubscribeToken(subscriberId, version);
	}

	private String issue(String subscriberId, long version, TokenPurpose purpose, Duration ttl) {
		return this.tokens.issue(subscriberId, version, purpose, ttl);
	}

	private String link(String path, String token) {
		return UriComponentsBuilder.fromUri(this.publicBaseUrl)
			.path(path)
			.queryParam("token", token)
			.build()
			.toUriString();
	}

}
