package dev.herald.notify.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message that keeps a given {@code Message-ID} when saved, instead of generating
 * a random one.
 */
class HeraldMimeMessage extends MimeMessage {

	private final String messageId;

	HeraldMimeMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		if (this.messageId != null) {
			setHeader("Message-ID", this.messageId);
		}
		else {
			super.updateMessageID();
		}
	}

}
