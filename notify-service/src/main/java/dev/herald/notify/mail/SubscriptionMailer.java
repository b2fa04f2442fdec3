package dev.herald.notify.mail;

import jakarta.mail.MessagingException;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the emails that answer a subscribe request, one at a time.
 */
@Component
public class SubscriptionMailer {

	private final JavaMailSender sender;

	private final MailComposer composer;

	SubscriptionMailer(JavaMailSender sender, MailComposer composer) {
		this.sender = sender;
		this.composer = composer;
	}

	/**
	 * Send a confirmation email.
	 * @param mail what it says
	 * @throws org.springframework.mail.MailException when it cannot be sent
	 */
	public void send(ConfirmationMail mail) {
		try {
			this.sender.send(this.composer.confirmation(mail));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
	}

	/**
	 * Send a manage email.
	 * @param mail what it says
	 * @throws org.springframework.mail.MailException when it cannot be sent
	 */
	public void send(ManageMail mail) {
		try {
			this.sender.send(this.composer.manage(mail));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
	}

}
