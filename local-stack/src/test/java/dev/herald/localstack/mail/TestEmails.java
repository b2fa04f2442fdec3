package dev.herald.localstack.mail;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Sends test emails with Jakarta Mail.
 */
final class TestEmails {

	static final String SUBJECT = "Заседание Совета <CSTO> & \"ministers\"";

	static final String TEXT = "Текст: the Council met in Minsk.";

	static final String HTML = "<!DOCTYPE html><html><head><title>Alert</title></head><body>"
			+ "<h1>Совет &amp; \"ministers\"</h1><script>alert('x')</script></body></html>";

	private TestEmails() {
	}

	/**
	 * Sends a one-part plain-text email to one recipient.
	 */
	static void sendPlain(String host, int port, String to) throws MessagingException {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", String.valueOf(port));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("alerts@herald.example"));
		message.setRecipients(Message.RecipientType.TO, to);
		message.setSubject("Plain", "UTF-8");
		message.setText("plain", "UTF-8");
		Transport.send(message);
	}

	/**
	 * Sends a multipart/alternative email (plain text and HTML, UTF-8) to two recipients.
	 */
	static void sendMultipart(String host, int port) throws MessagingException {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", String.valueOf(port));
		Session session = Session.getInstance(properties);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("alerts@herald.example"));
		message.setRecipients(Message.RecipientType.TO, "reader@example.org");
		message.setRecipients(Message.RecipientType.CC, "second@example.org");
		message.setSubject(SUBJECT, "UTF-8");
		message.setHeader("List-Unsubscribe", "<http://localhost:8083/unsubscribe?token=abc>");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(TEXT, "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent(HTML, "text/html; charset=UTF-8");
		MimeMultipart alternative = new MimeMultipart("alternative", text, html);
		message.setContent(alternative);
		Transport.send(message);
	}

}
