package dev.herald.notify.subscription;

/**
 * The email answering a subscribe request could not be sent; answered with 503 and
 * {@code Retry-After}, the same for every address.
 */
public class MailUnavailableException extends RuntimeException {

	MailUnavailableException(Throwable cause) {
		super("The email could not be sent; try again later", cause);
	}

}
