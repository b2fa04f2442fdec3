package dev.herald.notify.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server speaking the real protocol, whose replies to {@code RCPT TO} depend
 * on the recipient: addresses containing {@code bounce} get a permanent 550, those
 * containing {@code busy} a transient 451, others are accepted.
 */
public class ScriptedSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger connections = new AtomicInteger();

	private final List<String> delivered = new CopyOnWriteArrayList<>();

	/**
	 * Start on a free port of the loopback address.
	 * @throws IOException when no port can be bound
	 */
	public ScriptedSmtpServer() throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "scripted-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * The port it listens on.
	 * @return the port
	 */
	public int port() {
		return this.socket.getLocalPort();
	}

	/**
	 * The connections accepted so far.
	 * @return the count
	 */
	public int connections() {
		return this.connections.get();
	}

	/**
	 * The recipients of the messages accepted so far.
	 * @return the recipients
	 */
	public List<String> delivered() {
		return this.delivered;
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				this.connections.incrementAndGet();
				Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				return;
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
				String command = line.toUpperCase();
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 scripted");
				}
				else if (command.startsWith("MAIL FROM")) {
					reply(out, "250 2.1.0 Ok");
				}
				else if (command.startsWith("RCPT TO")) {
					recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
					if (recipient.contains("bounce")) {
						reply(out, "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
					}
					else if (recipient.contains("busy")) {
						reply(out, "451 4.3.0 <" + recipient + ">: Mailbox busy, try again later");
					}
					else {
						reply(out, "250 2.1.5 Ok");
					}
				}
				else if (command.equals("DATA")) {
					reply(out, "354 End data with <CR><LF>.<CR><LF>");
					while (!".".equals(in.readLine())) {
						// the message itself is not kept
					}
					this.delivered.add(recipient);
					reply(out, "250 2.0.0 Ok: queued");
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
			// the client went away
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
