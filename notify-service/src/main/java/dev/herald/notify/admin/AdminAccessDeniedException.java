package dev.herald.notify.admin;

/**
 * A request to the admin API without the right key; answered with 401.
 */
public class AdminAccessDeniedException extends RuntimeException {

	AdminAccessDeniedException(String message) {
		super(message);
	}

}
