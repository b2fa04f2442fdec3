package dev.herald.notify.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP server speaking the real protocol, for the replies GreenMail cannot give.
 * By default it refuses a recipient whose address contains {@code bounce} with
 * {@code 550 5.1.1}, defers one containing {@code busy} with {@code 451 4.3.0} (the first
 * {@value #BUSY_DEFERRALS} times), and accepts the rest; a {@link Trouble} set by the
 * test makes it answer as a relay in trouble instead. It can be stopped and started again
 * on the same port.
 */
public class ScriptedSmtpServer implements AutoCloseable {

	/** How many times a {@code busy} recipient is deferred before it is accepted. */
	public static final int BUSY_DEFERRALS = 2;

	private final int port;

	private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

	private volatile Trouble trouble = Trouble.NONE;

	private volatile ServerSocket socket;

	private final Map<String, Integer> deferrals = new ConcurrentHashMap<>();

	/**
	 * Starts on a free port of the loopback address.
	 */
	public ScriptedSmtpServer() {
		this.socket = bind(0);
		this.port = this.socket.getLocalPort();
		listen(this.socket);
	}

	/**
	 * The port it listens on, the same after a restart.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * What it answers from now on.
	 * @param trouble a relay's trouble, or {@link Trouble#NONE}
	 */
	public void answer(Trouble trouble) {
		this.trouble = trouble;
	}

	/**
	 * The messages accepted so far.
	 * @return recipient and {@code Message-ID} of each
	 */
	public List<Accepted> accepted() {
		return this.accepted;
	}

	/**
	 * The recipients of the messages accepted so far.
	 * @return the recipients
	 */
	public List<String> delivered() {
		return this.accepted.stream().map(Accepted::recipient).toList();
	}

	/**
	 * Stops listening and drops every connection, as a relay that went down.
	 */
	public synchronized void stop() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Listens again on the same port.
	 */
	public synchronized void start() {
		if (this.socket.isClosed()) {
			this.socket = bind(this.port);
			listen(this.socket);
		}
	}

	private static ServerSocket bind(int port) {
		try {
			ServerSocket bound = new ServerSocket();
			bound.setReuseAddress(true);
			bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			return bound;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void listen(ServerSocket server) {
		Thread acceptor = new Thread(() -> accept(server), "scripted-smtp-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void accept(ServerSocket server) {
		List<Socket> clients = new CopyOnWriteArrayList<>();
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				clients.add(client);
				Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				break;
			}
		}
		// A relay that goes down drops its connections too.
		for (Socket client : clients) {
			try {
				client.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}
	}

	private void converse(Socket client) {
		try (client;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
				OutputStream out = client.getOutputStream()) {
			reply(out, "220 scripted ESMTP");
			String recipient = null;
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(Locale.ROOT);
				Trouble now = this.trouble;
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 scripted");
				}
				else if (command.startsWith("MAIL FROM")) {
					reply(out, (now == Trouble.AUTHENTICATION_REQUIRED) ? "530 5.7.0 Authentication required"
							: "250 2.1.0 Ok");
				}
				else if (command.startsWith("RCPT TO")) {
					recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
					reply(out, recipientReply(recipient, now));
				}
				else if (command.equals("DATA")) {
					reply(out, "354 End data with <CR><LF>.<CR><LF>");
					String messageId = null;
					String data;
					while ((data = in.readLine()) != null && !".".equals(data)) {
						if (messageId == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
							messageId = data.substring(11).strip();
						}
					}
					if (now == Trouble.CONTENT_REJECTED) {
						reply(out, "554 5.7.1 Message rejected: content policy");
					}
					else {
						this.accepted.add(new Accepted(recipient, messageId));
						reply(out, "250 2.0.0 Ok: queued");
					}
				}
				else if (command.equals("QUIT")) {
					reply(out, "221 2.0.0 Bye");
					return;
				}
				else {
					reply(out, "250 Ok");
				}
			}
		}
		catch (IOException ex) {
			// the client went away, or the server was stopped
		}
	}

	private String recipientReply(String recipient, Trouble now) {
		if (now == Trouble.DAILY_QUOTA) {
			return "550 5.4.5 Daily sending quota exceeded";
		}
		if (recipient.contains("bounce")) {
			return "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown";
		}
		if (recipient.contains("busy") && this.deferrals.merge(recipient, 1, Integer::sum) <= BUSY_DEFERRALS) {
			return "451 4.3.0 <" + recipient + ">: Mailbox busy, try again later";
		}
		return "250 2.1.5 Ok";
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Replies of a relay in trouble, each about the relay or the message, never about a
	 * recipient.
	 */
	public enum Trouble {

		/** No trouble: recipients decide the replies. */
		NONE,

		/** {@code 530 5.7.0} to {@code MAIL FROM}. */
		AUTHENTICATION_REQUIRED,

		/** {@code 550 5.4.5} to {@code RCPT TO}: the sending quota is spent. */
		DAILY_QUOTA,

		/** {@code 554 5.7.1} at the end of {@code DATA}. */
		CONTENT_REJECTED

	}

	/**
	 * A message the server accepted.
	 *
	 * @param recipient its recipient
	 * @param messageId its {@code Message-ID}
	 */
	public record Accepted(String recipient, String messageId) {
	}

}
