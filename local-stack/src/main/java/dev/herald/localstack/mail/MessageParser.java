package dev.herald.localstack.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Turns a received MIME message into a {@link ReceivedEmail}.
 */
final class MessageParser {

	private static final Session SESSION = Session.getInstance(new Properties());

	private MessageParser() {
	}

	static ReceivedEmail parse(String id, Instant receivedAt, String envelopeFrom, List<String> envelopeTo,
			MimeMessage original) throws MessagingException, IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		original.writeTo(bytes);
		String raw = bytes.toString(StandardCharsets.UTF_8);
		MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
		Bodies bodies = new Bodies();
		bodies.collect(message);
		String subject = (message.getSubject() != null) ? message.getSubject() : "";
		return new ReceivedEmail(id, receivedAt, envelopeFrom, List.copyOf(envelopeTo),
				String.join(", ", addresses(message.getFrom())),
				addresses(message.getRecipients(Message.RecipientType.TO)), subject, bodies.text, bodies.html,
				headers(message), raw);
	}

	private static List<String> addresses(Address[] addresses) {
		if (addresses == null) {
			return List.of();
		}
		return Arrays.stream(addresses)
			.map((address) -> (address instanceof InternetAddress internet) ? internet.toUnicodeString()
					: address.toString())
			.toList();
	}

	private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		Enumeration<Header> all = message.getAllHeaders();
		for (Header header : Collections.list(all)) {
			headers.computeIfAbsent(header.getName(), (name) -> new ArrayList<>())
				.add(MimeUtility.unfold(header.getValue()));
		}
		headers.replaceAll((name, values) -> List.copyOf(values));
		return Collections.unmodifiableMap(headers);
	}

	private static final class Bodies {

		private String text;

		private String html;

		void collect(Part part) throws MessagingException, IOException {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return;
			}
			if (part.isMimeType("text/plain") && this.text == null) {
				this.text = part.getContent().toString();
			}
			else if (part.isMimeType("text/html") && this.html == null) {
				this.html = part.getContent().toString();
			}
			else if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i));
				}
			}
		}

	}

}
