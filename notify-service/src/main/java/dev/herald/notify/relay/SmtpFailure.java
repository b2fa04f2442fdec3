package dev.herald.notify.relay;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.platform.logging.Masking;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What an SMTP failure means for Herald, from the reply code, the enhanced status code
 * (RFC 3463) and the command that drew it.
 * <ul>
 * <li>{@link Kind#RECIPIENT_REFUSED}: the recipient's mailbox is refused for good: a 5xx
 * to {@code RCPT TO} without an enhanced code or with one about the address or the
 * mailbox (5.1.x, 5.2.x), or the enhanced codes 5.1.x and 5.2.1 to any command. It counts
 * toward suppressing the address.</li>
 * <li>{@link Kind#RELAY}: anything about the relay or the message rather than the
 * recipient: no connection, authentication (530, 535), quota (5.4.5), policy or content
 * (5.7.x, 554 at {@code DATA}), and every 4xx. Sending through that relay pauses, the
 * email is tried again, and nobody is suppressed.</li>
 * </ul>
 *
 * @param kind what the failure means
 * @param code the server's reply code, or 0 when it did not answer (no connection, a
 * connection lost)
 * @param reply the server's reply, or the error, for the ledger and the logs
 */
public record SmtpFailure(Kind kind, int code, String reply) {

	private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

	/**
	 * Classifies a failure to send one message.
	 * @param ex the failure
	 * @return its meaning
	 */
	public static SmtpFailure of(MessagingException ex) {
		for (Exception cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof SMTPAddressFailedException refused) {
				return recipient(refused.getReturnCode(), describe(refused));
			}
			if (cause instanceof SMTPSendFailedException failed && failed.getReturnCode() > 0) {
				String reply = describe(failed);
				return new SmtpFailure(refusesTheAddress(reply) ? Kind.RECIPIENT_REFUSED : Kind.RELAY,
						failed.getReturnCode(), reply);
			}
			if (cause instanceof AuthenticationFailedException || cause instanceof IOException) {
				return new SmtpFailure(Kind.RELAY, 0, describe(cause));
			}
		}
		return new SmtpFailure(Kind.RELAY, 0, describe(ex));
	}

	/**
	 * A failure to connect to or authenticate with a relay.
	 * @param ex the failure
	 * @return a relay failure
	 */
	public static SmtpFailure connecting(Exception ex) {
		return new SmtpFailure(Kind.RELAY, 0, describe(ex));
	}

	/**
	 * Whether the server answered with a reply code, as opposed to a connection that
	 * could not be made or was lost.
	 * @return whether there is a reply code
	 */
	public boolean answered() {
		return this.code > 0;
	}

	private static SmtpFailure recipient(int code, String reply) {
		if (code < 500 || code >= 600) {
			return new SmtpFailure(Kind.RELAY, code, reply);
		}
		Matcher enhanced = ENHANCED.matcher(reply);
		boolean aboutTheMailbox = !enhanced.find()
				|| (enhanced.group(1).equals("5") && (enhanced.group(2).equals("1") || enhanced.group(2).equals("2")));
		return new SmtpFailure(aboutTheMailbox ? Kind.RECIPIENT_REFUSED : Kind.RELAY, code, reply);
	}

	/**
	 * The enhanced codes that refuse the address whatever the command: 5.1.x and 5.2.1.
	 */
	private static boolean refusesTheAddress(String reply) {
		Matcher enhanced = ENHANCED.matcher(reply);
		return enhanced.find() && enhanced.group(1).equals("5")
				&& (enhanced.group(2).equals("1") || (enhanced.group(2).equals("2") && enhanced.group(3).equals("1")));
	}

	private static Exception next(Exception ex) {
		if (ex instanceof MessagingException messaging && messaging.getNextException() != null
				&& messaging.getNextException() != ex) {
			return messaging.getNextException();
		}
		return (ex.getCause() instanceof Exception cause && cause != ex) ? cause : null;
	}

	private static String describe(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage().strip() : ex.getClass().getSimpleName();
		if (ex instanceof SendFailedException && ex.getCause() != null && ex.getCause().getMessage() != null
				&& !message.contains(ex.getCause().getMessage())) {
			message = message + ": " + ex.getCause().getMessage();
		}
		// Replies quote the recipient; the ledger and the logs keep it masked.
		String masked = Masking.text(message);
		return (masked.length() > 500) ? masked.substring(0, 500) : masked;
	}

	/**
	 * What a failure means.
	 */
	public enum Kind {

		/** The recipient's address is refused for good. */
		RECIPIENT_REFUSED,

		/** The relay failed, or refused the message or the sender. */
		RELAY

	}

}
