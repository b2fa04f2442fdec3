package dev.herald.notify.search;

/**
 * A saved search that cannot be used, with the reason in words for the subscriber.
 */
public class InvalidSearchException extends RuntimeException {

	InvalidSearchException(String reason) {
		super(reason);
	}

}
