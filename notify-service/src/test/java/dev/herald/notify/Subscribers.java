package dev.herald.notify;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.notify.subscription.Subscriber;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Drives the subscriber side of the service through its HTTP API and the emails it sends.
 */
public final class Subscribers {

	/** Subject of confirmation emails. */
	public static final String CONFIRM_SUBJECT = "[Herald] Confirm your subscription";

	/** Subject of confirmation emails in Russian. */
	public static final String CONFIRM_SUBJECT_RU = "[Herald] Подтвердите подписку";

	/** Subject of manage emails. */
	public static final String MANAGE_SUBJECT = "[Herald] Manage your subscription";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvcTester mvc;

	private final Mailbox mailbox;

	private final MongoTemplate mongo;

	private final Taxonomy taxonomy;

	/**
	 * Subscribers over the service's HTTP API.
	 * @param mvc the service's HTTP API
	 * @param mailbox the test SMTP server's emails
	 * @param mongo the service's database
	 * @param taxonomy the topics one can subscribe to
	 */
	public Subscribers(MockMvcTester mvc, Mailbox mailbox, MongoTemplate mongo, Taxonomy taxonomy) {
		this.mvc = mvc;
		this.mailbox = mailbox;
		this.mongo = mongo;
		this.taxonomy = taxonomy;
	}

	/**
	 * A new address nobody used.
	 * @param name what the test calls it
	 * @return the address
	 */
	public static String newAddress(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	/**
	 * A client address of its own, so that tests do not share the per-client limit.
	 * @return an IPv4 address
	 */
	public static String newClient() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	/**
	 * POST a subscribe request.
	 * @param email the address
	 * @param topics the topics
	 * @param client the client address
	 * @return the answer
	 */
	public MvcTestResult subscribe(String email, List<String> topics, String client) {
		return subscribeJson(JSON.writeValueAsString(Map.of("email", email, "topics", topics, "language", "en")),
				client);
	}

	/**
	 * POST a subscribe request body as it is.
	 * @param json the body
	 * @param client the client address
	 * @return the answer
	 */
	public MvcTestResult subscribeJson(String json, String client) {
		return this.mvc.post()
			.uri("/api/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with((request) -> {
				request.setRemoteAddr(client);
				return request;
			})
			.exchange();
	}

	/**
	 * Subscribe and wait for the email that answers it.
	 * @param email the address
	 * @param subject the subject of the expected email
	 * @param topics the topics
	 * @return the email
	 */
	public MimeMessage subscribeAndAwaitEmail(String email, String subject, String... topics) {
		int before = this.mailbox.to(email, subject).size();
		assertThat(subscribe(email, List.of(topics), newClient())).hasStatus(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, subject).size() > before);
		return this.mailbox.to(email, subject).get(before);
	}

	/**
	 * Subscribe through the JSON API with the given fields and wait for the email it
	 * sends.
	 * @param email the address
	 * @param fields the other fields of the request
	 * @param subject the subject of the awaited email
	 * @return the email
	 */
	public MimeMessage subscribeAndAwaitEmail(String email, Map<String, Object> fields, String subject) {
		Map<String, Object> request = new LinkedHashMap<>(fields);
		request.put("email", email);
		int before = this.mailbox.to(email, subject).size();
		assertThat(subscribeJson(JSON.writeValueAsString(request), newClient())).hasStatus(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, subject).size() > before);
		return this.mailbox.to(email, subject).get(before);
	}

	/**
	 * Subscribe and confirm through the link of the confirmation email.
	 * @param email the address
	 * @param topics the topics
	 * @return the active subscriber
	 */
	public Subscriber subscribeAndConfirm(String email, String... topics) {
		return subscribeAndConfirm(email, Map.of(), topics);
	}

	/**
	 * Subscribe with a schedule and confirm through the link of the confirmation email.
	 * <p>
	 * A test that must not see other tests' records follows a topic of its own, which the
	 * taxonomy does not know and the API would refuse: the subscriber subscribes to a
	 * taxonomy topic through the API, and its stored topics are then replaced by the
	 * test's own.
	 * @param email the address
	 * @param schedule the schedule fields of the request ({@code frequency},
	 * {@code deliveryTime}, {@code dayOfWeek}, {@code timeZone}, {@code quietHours})
	 * @param topics the topics
	 * @return the active subscriber
	 */
	public Subscriber subscribeAndConfirm(String email, Map<String, Object> schedule, String... topics) {
		Map<String, Object> request = new LinkedHashMap<>(schedule);
		request.put("email", email);
		List<String> own = Arrays.stream(topics).filter((topic) -> !this.taxonomy.contains(topic)).toList();
		request.put("topics", own.isEmpty() ? List.of(topics) : List.of(this.taxonomy.slugs().get(0)));
		request.putIfAbsent("language", "en");
		String subject = "ru".equals(request.get("language")) ? CONFIRM_SUBJECT_RU : CONFIRM_SUBJECT;
		int before = this.mailbox.to(email, subject).size();
		assertThat(subscribeJson(JSON.writeValueAsString(request), newClient())).hasStatus(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, subject).size() > before);
		MimeMessage confirmation = this.mailbox.to(email, subject).get(before);
		String link = Mailbox.link(confirmation, "https://notify.herald.test/subscriptions/confirm?token=");
		// The link opens a page with a button (link scanners follow links); its POST
		// confirms.
		assertThat(this.mvc.get().uri(Mailbox.pathAndQuery(link))).hasStatusOk()
			.bodyText()
			.contains("Confirm your subscription");
		assertThat(find(email).isActive()).isFalse();
		assertThat(this.mvc.post().uri(Mailbox.pathAndQuery(link))).hasStatusOk()
			.bodyText()
			.contains("Your subscription is confirmed");
		Subscriber subscriber = find(email);
		assertThat(subscriber.isActive()).isTrue();
		if (!own.isEmpty()) {
			this.mongo.updateFirst(query(where("_id").is(subscriber.id())), Update.update("topics", List.of(topics)),
					Subscriber.class);
			subscriber = find(email);
		}
		return subscriber;
	}

	/**
	 * The subscriber of an address.
	 * @param email the address
	 * @return the subscriber, or {@code null}
	 */
	public Subscriber find(String email) {
		return this.mongo.findOne(query(where("emailKey").is(email.toLowerCase(Locale.ROOT))), Subscriber.class);
	}

}
