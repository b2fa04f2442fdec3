package dev.herald.localstack.mail;

import java.time.Instant;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.herald.localstack.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) on localhost that accepts every email for every recipient,
 * without authentication, and keeps it in an {@link Inbox}. It can stop and start again
 * on the same port; the inbox survives that.
 */
public final class SmtpServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SmtpServer.class);

	private static final String HOST = "localhost";

	private final Inbox inbox;

	private int port;

	private GreenMail greenMail;

	/**
	 * A server that keeps what it receives in the given inbox.
	 * @param port the port, or 0 for a free one (kept across restarts)
	 * @param inbox where received emails go
	 */
	public SmtpServer(int port, Inbox inbox) {
		this.port = port;
		this.inbox = inbox;
	}

	/**
	 * A server with an inbox of its own.
	 * @param port the port, or 0 for a free one (kept across restarts)
	 */
	public SmtpServer(int port) {
		this(port, new Inbox());
	}

	/**
	 * Starts listening. Does nothing when it runs already.
	 * @return this server
	 */
	public synchronized SmtpServer start() {
		if (this.greenMail == null) {
			if (this.port == 0) {
				this.port = Ports.free();
			}
			ServerSetup setup = new ServerSetup(this.port, HOST, ServerSetup.PROTOCOL_SMTP);
			GreenMail server = new GreenMail(setup)
				.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
			server.start();
			server.getUserManager().setMessageDeliveryHandler(new InboxDelivery());
			this.greenMail = server;
		}
		return this;
	}

	/**
	 * Stops listening; the inbox keeps its emails.
	 */
	public synchronized void stop() {
		if (this.greenMail != null) {
			GreenMail running = this.greenMail;
			this.greenMail = null;
			running.stop();
		}
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Whether the server listens.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.greenMail != null;
	}

	/**
	 * The host to send to.
	 * @return {@code localhost}
	 */
	public String host() {
		return HOST;
	}

	/**
	 * The port, fixed at the first start when it was 0.
	 * @return the SMTP port
	 */
	public synchronized int port() {
		return this.port;
	}

	/**
	 * The emails received so far.
	 * @return the inbox
	 */
	public Inbox inbox() {
		return this.inbox;
	}

	/**
	 * Records each email once, however many recipients it has, and keeps nothing in
	 * GreenMail's own mailboxes.
	 */
	private final class InboxDelivery implements com.icegreen.greenmail.user.MessageDeliveryHandler {

		private MovingMessage last;

		@Override
		public synchronized GreenMailUser handle(MovingMessage message, MailAddress recipient) {
			if (message != this.last) {
				this.last = message;
				record(message);
			}
			return new DiscardingUser(recipient.getEmail());
		}

		private void record(MovingMessage message) {
			try {
				String envelopeFrom = (message.getReturnPath() != null) ? message.getReturnPath().getEmail() : "";
				List<String> envelopeTo = message.getToAddresses().stream().map(MailAddress::getEmail).toList();
				SmtpServer.this.inbox.add(MessageParser.parse(SmtpServer.this.inbox.nextId(), Instant.now(),
						envelopeFrom, envelopeTo, message.getMessage()));
			}
			catch (Exception ex) {
				logger.warn("Could not read a received email", ex);
			}
		}

	}

	private record DiscardingUser(String email) implements GreenMailUser {

		@Override
		public String getEmail() {
			return this.email;
		}

		@Override
		public String getLogin() {
			return this.email;
		}

		@Override
		public void deliver(MovingMessage message) {
		}

		@Override
		public void deliver(jakarta.mail.internet.MimeMessage message) {
		}

		@Override
		public void create() {
		}

		@Override
		public void delete() {
		}

		@Override
		public String getPassword() {
			return "";
		}

		@Override
		public void setPassword(String password) {
		}

		@Override
		public void authenticate(String password) {
		}

		@Override
		public String getQualifiedMailboxName() {
			return this.email;
		}

	}

}
