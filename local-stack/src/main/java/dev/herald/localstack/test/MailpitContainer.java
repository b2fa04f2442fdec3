package dev.herald.localstack.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Mailpit, a mail catcher with a REST API: SMTP on 1025, HTTP on 8025.
 */
class MailpitContainer extends GenericContainer<MailpitContainer> {

	static final String IMAGE = "axllent/mailpit:v1.28.4";

	private static final int SMTP_PORT = 1025;

	private static final int HTTP_PORT = 8025;

	/** Message ids in the list answer; {@code "MessageID"} does not match. */
	private static final Pattern ID = Pattern.compile("\"ID\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	MailpitContainer() {
		super(IMAGE);
		withExposedPorts(SMTP_PORT, HTTP_PORT);
		withEnv("MP_SMTP_AUTH_ACCEPT_ANY", "1");
		withEnv("MP_SMTP_AUTH_ALLOW_INSECURE", "1");
		waitingFor(Wait.forHttp("/readyz").forPort(HTTP_PORT));
	}

	int smtpPort() {
		return getMappedPort(SMTP_PORT);
	}

	/**
	 * Every message Mailpit holds, fetched raw and parsed, oldest first.
	 * @return the messages
	 */
	List<MimeMessage> receivedMessages() {
		String list = call("GET", "/api/v1/messages?limit=5000");
		List<String> ids = new ArrayList<>();
		Matcher matcher = ID.matcher(list);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		// Mailpit lists the newest first.
		Collections.reverse(ids);
		Session session = Session.getInstance(new Properties());
		List<MimeMessage> messages = new ArrayList<>();
		for (String id : ids) {
			messages.add(parse(session, callForBytes("/api/v1/message/" + id + "/raw")));
		}
		return messages;
	}

	void deleteMessages() {
		call("DELETE", "/api/v1/messages");
	}

	private static MimeMessage parse(Session session, byte[] raw) {
		try {
			return new MimeMessage(session, new ByteArrayInputStream(raw));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not parse a message from Mailpit", ex);
		}
	}

	private String call(String method, String path) {
		return new String(send(method, path), java.nio.charset.StandardCharsets.UTF_8);
	}

	private byte[] callForBytes(String path) {
		return send("GET", path);
	}

	private byte[] send(String method, String path) {
		URI uri = URI.create("http://" + getHost() + ":" + getMappedPort(HTTP_PORT) + path);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + uri + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + uri + " was interrupted", ex);
		}
	}

}
