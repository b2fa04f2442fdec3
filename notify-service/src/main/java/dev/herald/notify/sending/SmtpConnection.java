package dev.herald.notify.sending;

import java.time.Duration;

import dev.herald.notify.relay.MailRelays;
import dev.herald.notify.relay.Relay;
import dev.herald.notify.relay.SmtpFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One sender's connection to the relay in use, kept open from one email to the next (a
 * new connection per email costs an EHLO exchange and caps throughput at a few dozen
 * emails a second). It follows the relays: when the one in use fails, the next send goes
 * through the next relay, and back when the first recovers.
 */
final class SmtpConnection implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SmtpConnection.class);

	/** Idle time after which the connection is checked before it is used again. */
	private static final Duration IDLE = Duration.ofSeconds(5);

	private final MailRelays relays;

	private Relay relay;

	private Transport transport;

	private long lastUsed;

	SmtpConnection(MailRelays relays) {
		this.relays = relays;
	}

	/**
	 * Connects to the relay in use, unless already connected to it.
	 * @return whether a relay is connected; {@code false} while every relay fails
	 */
	boolean open() {
		for (int tried = 0; tried < this.relays.all().size(); tried++) {
			Relay preferred = this.relays.inUse().orElse(null);
			if (preferred == null) {
				close();
				return false;
			}
			if (preferred == this.relay && this.transport != null && isAlive()) {
				return true;
			}
			close();
			try {
				this.transport = connect(preferred.mailSender());
				this.relay = preferred;
				this.lastUsed = System.nanoTime();
				return true;
			}
			catch (MessagingException ex) {
				this.relays.failed(preferred, SmtpFailure.connecting(ex).reply());
			}
		}
		return false;
	}

	/**
	 * Sends one message over the open connection.
	 * @param message the message
	 * @return {@code null} once the relay accepted it, or why it did not; after a relay
	 * failure the connection is closed and the relay paused
	 */
	SmtpFailure send(MimeMessage message) {
		try {
			this.transport.sendMessage(message, message.getAllRecipients());
			this.lastUsed = System.nanoTime();
			this.relays.succeeded(this.relay);
			return null;
		}
		catch (MessagingException ex) {
			SmtpFailure failure = SmtpFailure.of(ex);
			if (failure.kind() == SmtpFailure.Kind.RELAY) {
				this.relays.failed(this.relay, failure.reply());
				close();
			}
			else {
				this.lastUsed = System.nanoTime();
			}
			return failure;
		}
	}

	/**
	 * The relay connected.
	 * @return the relay, or {@code null} while closed
	 */
	Relay relay() {
		return this.relay;
	}

	// A connection unused for a while may have been closed by the server: one NOOP tells.
	private boolean isAlive() {
		return System.nanoTime() - this.lastUsed < IDLE.toNanos() || this.transport.isConnected();
	}

	private static Transport connect(JavaMailSenderImpl sender) throws MessagingException {
		String protocol = (sender.getProtocol() != null) ? sender.getProtocol() : "smtp";
		Transport transport = sender.getSession().getTransport(protocol);
		transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
		return transport;
	}

	@Override
	public void close() {
		if (this.transport != null) {
			try {
				this.transport.close();
			}
			catch (MessagingException ex) {
				logger.debug("Closing the SMTP connection failed", ex);
			}
		}
		this.transport = null;
		this.relay = null;
	}

}
