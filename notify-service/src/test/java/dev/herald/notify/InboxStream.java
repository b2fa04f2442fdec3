package dev.herald.notify;

import java.util.ArrayList;
import java.util.List;

import dev.herald.localstack.test.HeraldInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Every email the test SMTP server receives, in arrival order, gathered by polling. The
 * server keeps only its most recent emails, so each poll is aligned on the last email
 * already seen; if that one was dropped before a poll, emails may have been missed and
 * the stream refuses to go on rather than count wrong.
 */
final class InboxStream {

	private final HeraldInfrastructure infrastructure;

	private final List<Email> emails = new ArrayList<>();

	InboxStream(HeraldInfrastructure infrastructure) {
		this.infrastructure = infrastructure;
	}

	/**
	 * Read the emails that arrived since the last poll.
	 * @return every email seen so far, oldest first
	 */
	synchronized List<Email> poll() {
		List<Email> current = this.infrastructure.receivedMessages().stream().map(InboxStream::email).toList();
		int start = 0;
		if (!this.emails.isEmpty()) {
			int last = current.indexOf(this.emails.get(this.emails.size() - 1));
			if (last < 0) {
				throw new IllegalStateException("The SMTP server dropped emails between two polls; poll more often");
			}
			start = last + 1;
		}
		this.emails.addAll(current.subList(start, current.size()));
		return List.copyOf(this.emails);
	}

	private static Email email(MimeMessage message) {
		try {
			return new Email(message.getHeader("Message-ID", null),
					message.getRecipients(Message.RecipientType.TO)[0].toString());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What identifies an email.
	 *
	 * @param messageId its Message-ID
	 * @param to its first recipient
	 */
	record Email(String messageId, String to) {
	}

}
