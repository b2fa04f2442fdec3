package dev.herald.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.localstack.test.HeraldInfrastructure;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads the emails the test SMTP server received.
 */
public final class Mailbox {

	private final HeraldInfrastructure infrastructure;

	/**
	 * A mailbox over the test SMTP server.
	 * @param infrastructure the test infrastructure
	 */
	public Mailbox(HeraldInfrastructure infrastructure) {
		this.infrastructure = infrastructure;
	}

	/**
	 * The emails sent to an address, oldest first.
	 * @param address the recipient
	 * @return the emails
	 */
	public List<MimeMessage> to(String address) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : this.infrastructure.receivedMessages()) {
			if (isTo(message, address)) {
				found.add(message);
			}
		}
		return found;
	}

	/**
	 * The emails sent to an address whose subject contains a text.
	 * @param address the recipient
	 * @param subject part of the subject
	 * @return the emails
	 */
	public List<MimeMessage> to(String address, String subject) {
		return to(address).stream().filter((message) -> subjectOf(message).contains(subject)).toList();
	}

	/**
	 * Whether an email is addressed to an address.
	 * @param message the email
	 * @param address the address
	 * @return whether it is one of the {@code To} addresses
	 */
	public static boolean isTo(MimeMessage message, String address) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			if (to == null) {
				return false;
			}
			for (Address recipient : to) {
				if (recipient.toString().equalsIgnoreCase(address)) {
					return true;
				}
			}
			return false;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The subject of an email.
	 * @param message the email
	 * @return the decoded subject
	 */
	public static String subjectOf(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One header of an email.
	 * @param message the email
	 * @param name the header
	 * @return its value, or {@code null}
	 */
	public static String header(MimeMessage message, String name) {
		try {
			return message.getHeader(name, ", ");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The text of a part of a multipart email.
	 * @param message the email
	 * @param mimeType {@code text/plain} or {@code text/html}
	 * @return the part's text
	 */
	public static String part(MimeMessage message, String mimeType) {
		try {
			Multipart multipart = (Multipart) message.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType(mimeType)) {
					return (String) part.getContent();
				}
			}
			throw new IllegalStateException("No " + mimeType + " part");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The first link of the plain text part that starts with a prefix.
	 * @param message the email
	 * @param prefix the start of the link
	 * @return the link
	 */
	public static String link(MimeMessage message, String prefix) {
		Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "\\S*").matcher(part(message, "text/plain"));
		if (!matcher.find()) {
			throw new IllegalStateException("No link starting with " + prefix);
		}
		return matcher.group();
	}

	/**
	 * The path and query of a link, for MockMvc.
	 * @param link an absolute link
	 * @return path and query
	 */
	public static String pathAndQuery(String link) {
		java.net.URI uri = java.net.URI.create(link);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

}
