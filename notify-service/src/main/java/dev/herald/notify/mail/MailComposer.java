package dev.herald.notify.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import dev.herald.notify.NotifyProperties;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME messages: multipart/alternative with a UTF-8 plain text part and a
 * UTF-8 HTML part. Header values that carry data go through {@link HeaderValues}.
 */
@Component
public class MailComposer {

	private final JavaMailSenderImpl sender;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final Clock clock;

	private final InternetAddress from;

	private final String listId;

	private final int subjectMaxLength;

	MailComposer(JavaMailSenderImpl sender, MailTemplates templates, MessageSource messages, Clock clock,
			NotifyProperties properties) throws AddressException {
		this.sender = sender;
		this.messages = messages;
		this.templates = templates;
		this.clock = clock;
		this.from = new InternetAddress(HeaderValues.clean(properties.mail().from()), true);
		this.listId = "Herald alerts <" + HeaderValues.clean(properties.mail().listId()) + ">";
		this.subjectMaxLength = properties.mail().subjectMaxLength();
	}

	/**
	 * Render a record's alert once for all its recipients in one language.
	 * @param content what the alert says
	 * @param locale the recipients' language
	 * @param search the query of the saved search the recipients matched with, or
	 * {@code null} when they follow one of its topics
	 * @return the rendered alert
	 */
	public PreparedAlert prepare(AlertContent content, Locale locale, String search) {
		String kind = this.messages.getMessage(content.kindKey(), null, locale);
		String subject = HeaderValues.trimmed(
				this.messages.getMessage("alert.subject", new Object[] { kind, content.titleLine() }, locale),
				this.subjectMaxLength);
		return PreparedAlert.render(this.templates, content, kind, subject, locale, search);
	}

	/**
	 * The alert of one record for one subscriber.
	 * @param alert the record's rendered alert
	 * @param recipient the subscriber's address, Message-ID and links
	 * @return the message, saved and ready to send
	 * @throws MessagingException when it cannot be built
	 */
	public MimeMessage alert(PreparedAlert alert, AlertRecipient recipient) throws MessagingException {
		MimeMessage message = message(recipient.messageId(), recipient.to(), alert.subject(),
				new RenderedBody(alert.text(recipient), alert.html(recipient)));
		listHeaders(message, recipient);
		message.saveChanges();
		return message;
	}

	private void listHeaders(MimeMessage message, AlertRecipient recipient) throws MessagingException {
		message.setHeader("List-Id", this.listId);
		message.setHeader("List-Unsubscribe", "<" + HeaderValues.clean(recipient.unsubscribeUrl()) + ">, <"
				+ HeaderValues.clean(recipient.unsubscribeMailto()) + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
	}

	/**
	 * A digest for one subscriber, in the subscriber's language.
	 * @param digest what it lists
	 * @param recipient the subscriber's address, Message-ID and links
	 * @param locale the subscriber's language
	 * @return the message, saved and ready to send
	 * @throws MessagingException when it cannot be built
	 */
	public MimeMessage digest(DigestContent digest, AlertRecipient recipient, Locale locale) throws MessagingException {
		String subject = HeaderValues.trimmed(
				this.messages.getMessage("digest.subject." + digest.heading(), new Object[] { digest.count() }, locale),
				this.subjectMaxLength);
		RenderedBody body = this.templates.render("digest", Map.of("digest", digest, "manageUrl", recipient.manageUrl(),
				"unsubscribeUrl", recipient.unsubscribeUrl()), locale);
		MimeMessage message = message(recipient.messageId(), recipient.to(), subject, body);
		listHeaders(message, recipient);
		message.saveChanges();
		return message;
	}

	/**
	 * The double opt-in email.
	 * @param mail what it says
	 * @return the message, saved and ready to send
	 * @throws MessagingException when it cannot be built
	 */
	public MimeMessage confirmation(ConfirmationMail mail) throws MessagingException {
		MimeMessage message = message(null, mail.to(),
				this.messages.getMessage("mail.confirmation.subject", null, mail.locale()),
				this.templates.render("confirmation", Map.of("mail", mail), mail.locale()));
		message.saveChanges();
		return message;
	}

	/**
	 * The manage-your-subscription email.
	 * @param mail what it says
	 * @return the message, saved and ready to send
	 * @throws MessagingException when it cannot be built
	 */
	public MimeMessage manage(ManageMail mail) throws MessagingException {
		MimeMessage message = message(null, mail.to(),
				this.messages.getMessage("mail.manage.subject", null, mail.locale()),
				this.templates.render("manage", Map.of("mail", mail), mail.locale()));
		message.saveChanges();
		return message;
	}

	private MimeMessage message(String messageId, String to, String subject, RenderedBody body)
			throws MessagingException {
		Session session = this.sender.getSession();
		MimeMessage message = new HeraldMimeMessage(session, messageId);
		message.setFrom(this.from);
		message.setRecipient(Message.RecipientType.TO, recipient(to));
		message.setSubject(subject, StandardCharsets.UTF_8.name());
		message.setSentDate(Date.from(this.clock.instant()));
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(part(body.text(), "plain"));
		alternative.addBodyPart(part(body.html(), "html"));
		message.setContent(alternative);
		return message;
	}

	private static InternetAddress recipient(String to) throws AddressException {
		if (to == null || !to.equals(HeaderValues.clean(to)) || to.indexOf(' ') >= 0) {
			throw new AddressException("Refusing a recipient with spaces or control characters");
		}
		return new InternetAddress(to, true);
	}

	/**
	 * A UTF-8 text part, transfer-encoded here once: sending then copies its bytes as
	 * they are, instead of looking its charset up and encoding it again on every write.
	 * The encoding is the one the mail library would choose for the same bytes.
	 */
	private static MimeBodyPart part(String content, String subtype) throws MessagingException {
		String type = "text/" + subtype + "; charset=UTF-8";
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		String encoding = MimeUtility.getEncoding(new ByteArrayDataSource(bytes, type));
		ByteArrayOutputStream encoded = new ByteArrayOutputStream(bytes.length + bytes.length / 2);
		try (OutputStream encoder = MimeUtility.encode(encoded, encoding)) {
			encoder.write(bytes);
		}
		catch (IOException ex) {
			throw new MessagingException("Cannot encode the " + subtype + " part", ex);
		}
		InternetHeaders headers = new InternetHeaders();
		headers.setHeader("Content-Type", type);
		headers.setHeader("Content-Transfer-Encoding", encoding);
		return new MimeBodyPart(headers, encoded.toByteArray());
	}

}
