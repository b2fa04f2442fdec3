package dev.herald.notify.mail;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends a batch of messages over one SMTP connection (a new connection per email costs an
 * EHLO exchange and caps throughput at a few dozen emails a second). Reports each
 * message's outcome as soon as it is known, so the caller can record it before the next
 * one goes. A connection error ends the batch: the rest is left unsent for a retry.
 */
@Component
public class SmtpBatchSender {

	private static final Logger logger = LoggerFactory.getLogger(SmtpBatchSender.class);

	private final JavaMailSenderImpl mailSender;

	private final SendRate rate;

	@Autowired
	SmtpBatchSender(JavaMailSenderImpl mailSender, SendRate rate) {
		this.mailSender = mailSender;
		this.rate = rate;
	}

	SmtpBatchSender(JavaMailSenderImpl mailSender) {
		this(mailSender, SendRate.unlimited());
	}

	/**
	 * Send messages in order.
	 * @param messages saved messages, each with its recipients
	 * @param results receives one result per message attempted, in order; messages after
	 * a connection error get none
	 */
	public void send(List<MimeMessage> messages, Consumer<SendResult> results) {
		Transport transport = null;
		try {
			for (int i = 0; i < messages.size(); i++) {
				long start = System.nanoTime();
				if (transport == null || !transport.isConnected()) {
					close(transport);
					try {
						transport = connect();
					}
					catch (MessagingException ex) {
						results.accept(new SendResult(i, SendResult.Outcome.TRANSIENT, describe(ex), since(start)));
						return;
					}
				}
				if (!awaitTurn()) {
					return;
				}
				SendResult result = sendOne(transport, messages.get(i), i, start);
				results.accept(result);
				if (result.outcome() == SendResult.Outcome.TRANSIENT && !transport.isConnected()) {
					return;
				}
			}
		}
		finally {
			close(transport);
		}
	}

	/** Waits for the send rate; a stopped sender leaves the rest unsent, for a retry. */
	private boolean awaitTurn() {
		try {
			this.rate.acquire();
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private SendResult sendOne(Transport transport, MimeMessage message, int index, long start) {
		try {
			transport.sendMessage(message, message.getAllRecipients());
			return new SendResult(index, SendResult.Outcome.SENT, null, since(start));
		}
		catch (SendFailedException ex) {
			return classify(index, ex, since(start));
		}
		catch (MessagingException ex) {
			close(transport);
			return new SendResult(index, SendResult.Outcome.TRANSIENT, describe(ex), since(start));
		}
	}

	/**
	 * Classify a refused message by the SMTP reply code: 5xx is permanent, anything else
	 * (4xx, no code) transient.
	 * @param index position in the batch
	 * @param ex the failure
	 * @param took time spent
	 * @return the result
	 */
	static SendResult classify(int index, MessagingException ex, Duration took) {
		for (Exception cause = ex; cause != null; cause = next(cause)) {
			int code = -1;
			if (cause instanceof SMTPAddressFailedException failed) {
				code = failed.getReturnCode();
			}
			else if (cause instanceof SMTPSendFailedException failed) {
				code = failed.getReturnCode();
			}
			if (code >= 500 && code < 600) {
				return new SendResult(index, SendResult.Outcome.PERMANENT, describe(cause), took);
			}
			if (code >= 400 && code < 500) {
				return new SendResult(index, SendResult.Outcome.TRANSIENT, describe(cause), took);
			}
		}
		return new SendResult(index, SendResult.Outcome.TRANSIENT, describe(ex), took);
	}

	private static Exception next(Exception ex) {
		if (ex instanceof MessagingException messaging && messaging.getNextException() != null) {
			return messaging.getNextException();
		}
		return (ex.getCause() instanceof Exception cause && cause != ex) ? cause : null;
	}

	private Transport connect() throws MessagingException {
		String protocol = (this.mailSender.getProtocol() != null) ? this.mailSender.getProtocol() : "smtp";
		Transport transport = this.mailSender.getSession().getTransport(protocol);
		transport.connect(this.mailSender.getHost(), this.mailSender.getPort(), this.mailSender.getUsername(),
				this.mailSender.getPassword());
		return transport;
	}

	private static void close(Transport transport) {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				logger.debug("Closing the SMTP connection failed", ex);
			}
		}
	}

	private static String describe(Exception ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		Throwable cause = ex.getCause();
		if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
			message = message + ": " + cause.getMessage();
		}
		return HeaderValues.trimmed(message, 500);
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
