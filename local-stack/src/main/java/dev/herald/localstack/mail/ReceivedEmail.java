package dev.herald.localstack.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * One email as the SMTP server received it.
 *
 * @param id the inbox's id of the email
 * @param receivedAt when the server accepted it
 * @param envelopeFrom the SMTP {@code MAIL FROM} address
 * @param envelopeTo the SMTP {@code RCPT TO} addresses, blind copies included
 * @param from the {@code From} header, decoded
 * @param to the {@code To} header's addresses, decoded
 * @param subject the decoded subject, empty when absent
 * @param text the first plain-text part, or {@code null}
 * @param html the first HTML part, or {@code null}
 * @param headers the top-level headers in order, unfolded and not decoded
 * @param raw the whole message as it arrived
 */
public record ReceivedEmail(String id, Instant receivedAt, String envelopeFrom, List<String> envelopeTo, String from,
		List<String> to, String subject, String text, String html, Map<String, List<String>> headers, String raw) {

	/**
	 * Parses the raw message again, for tests that inspect it with Jakarta Mail.
	 * @return a new MIME message
	 */
	public MimeMessage toMimeMessage() {
		try {
			return new MimeMessage(Session.getInstance(new Properties()),
					new ByteArrayInputStream(this.raw.getBytes(StandardCharsets.UTF_8)));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not parse email " + this.id, ex);
		}
	}

	/**
	 * The values of one header, matched without regard to case.
	 * @param name the header name
	 * @return the values, empty when absent
	 */
	public List<String> header(String name) {
		return this.headers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.flatMap((entry) -> entry.getValue().stream())
			.toList();
	}

}
