package dev.herald.localstack.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.herald.localstack.mail.Inbox;
import dev.herald.localstack.mail.ReceivedEmail;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * The demo of {@code ./herald run --demo}: once the services run, posts the contract's
 * example records, subscribes and confirms a demo subscriber, and posts one more record
 * that this subscriber gets an alert for, so that a newcomer sees records in the catalog
 * and an email in the inbox page within a minute. Every post carries an idempotency key,
 * so running the demo again adds nothing.
 */
class DemoData implements ApplicationRunner, Ordered {

	static final String SUBSCRIBER = "demo@herald.localhost";

	static final String OPERATOR_KEY = "dev-key-change-me";

	private static final Set<String> OPERATOR_FIELDS = Set.of("kind", "title", "summary", "body", "occurredOn", "place",
			"organization", "bodies", "participants", "documentSymbols", "topics", "language", "sourceUrl");

	private static final Pattern CONFIRM_LINK = Pattern
		.compile("https?://\\S+/subscriptions/confirm\\?token=[^\\s<>\"]+");

	private static final Duration MAIL_WAIT = Duration.ofSeconds(60);

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final LocalRunProperties properties;

	private final Inbox inbox;

	DemoData(LocalRunProperties properties, Inbox inbox) {
		this.properties = properties;
		this.inbox = inbox;
	}

	@Override
	public int getOrder() {
		// After the supervisor has started the services and reported them ready.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!this.properties.services()) {
			System.out.println("Demo data skipped: the services are not started (herald.run.services=false).");
			return;
		}
		System.out.println("Loading demo data...");
		int posted = postExamples();
		Instant subscribedAt = Instant.now();
		post(app("notify-service") + "/api/v1/subscriptions", null, Map.of("email", SUBSCRIBER, "topics",
				List.of("peacekeeping", "information-security", "collective-security"), "language", "en"));
		String confirmation = confirm(subscribedAt);
		post(app("ingest-service") + "/api/v1/records", "demo-alert",
				Map.of("kind", "STATEMENT", "title", "Demo: statement on the readiness of the CSTO peacekeeping forces",
						"summary", "The ministers reviewed the readiness of the collective peacekeeping forces.",
						"occurredOn", "2023-11-23", "organization", "CSTO", "language", "en"));
		System.out.printf(
				"Demo data loaded: %d example records (%s/records), subscriber %s (%s);%n"
						+ "an alert to %s arrives in the inbox page shortly.%n",
				posted, app("catalog-service"), SUBSCRIBER, confirmation, SUBSCRIBER);
	}

	private int postExamples() throws IOException, InterruptedException {
		Path folder = this.properties.projectPath().resolve("contracts/examples/valid");
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		for (Path file : files) {
			ObjectNode record = (ObjectNode) this.json.readTree(Files.readString(file));
			record.retain(OPERATOR_FIELDS);
			post(app("ingest-service") + "/api/v1/records", "demo-" + file.getFileName(), record);
		}
		return files.size();
	}

	/**
	 * Confirms from the email that the subscription sent, unless the subscriber was
	 * confirmed already.
	 */
	private String confirm(Instant subscribedAt) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(MAIL_WAIT);
		while (Instant.now().isBefore(deadline)) {
			Optional<ReceivedEmail> email = this.inbox.emails()
				.stream()
				.filter((candidate) -> candidate.envelopeTo().contains(SUBSCRIBER))
				.filter((candidate) -> !candidate.receivedAt().isBefore(subscribedAt))
				.findFirst();
			if (email.isPresent()) {
				Matcher link = CONFIRM_LINK.matcher(String.valueOf(email.get().text()));
				if (!link.find()) {
					return "confirmed earlier";
				}
				// The link opens a page whose button POSTs: the demo presses it.
				HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(link.group()))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), BodyHandlers.ofString());
				return (answer.statusCode() == 200) ? "confirmed" : "confirmation answered " + answer.statusCode();
			}
			Thread.sleep(250);
		}
		return "no confirmation email within " + MAIL_WAIT.toSeconds() + " s";
	}

	private void post(String url, String idempotencyKey, Object body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + OPERATOR_KEY)
			.POST(BodyPublishers.ofString(this.json.writeValueAsString(body)));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			System.out.printf("Demo: %s answered %d: %s%n", url, response.statusCode(), response.body());
		}
	}

	private String app(String name) {
		return this.properties.apps()
			.stream()
			.filter((app) -> app.name().equals(name))
			.findFirst()
			.map(ServiceApp::url)
			.orElseThrow(() -> new IllegalStateException("No " + name + " in herald.run.apps"));
	}

}
