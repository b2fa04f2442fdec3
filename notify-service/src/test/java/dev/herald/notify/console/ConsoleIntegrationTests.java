package dev.herald.notify.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.notify.NotifyIntegrationTest;
import dev.herald.notify.NotifyScenarioSupport;
import dev.herald.notify.RecordsTopic;
import dev.herald.notify.Subscribers;
import dev.herald.notify.TestRecords;
import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.matching.DeadLetterIntegrationTests;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import dev.herald.notify.subscription.SubscriberStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console against the real broker, MongoDB-protocol server and SMTP server:
 * every page and action needs a signed-in session and, for actions, the form's CSRF
 * token; sign-in takes the admin key and a name, starts a new session and is throttled;
 * suppress, reactivate, resend and re-drive (one message or all) work and land in the
 * audit list.
 */
@NotifyIntegrationTest
class ConsoleIntegrationTests extends NotifyScenarioSupport {

	static final String ADMIN_KEY = "dev-admin-key-change-me";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private DeliveryLedger ledger;

	@Autowired
	private SubscriberStore store;

	@Autowired
	private dev.herald.notify.TestClock clock;

	@ParameterizedTest
	@ValueSource(strings = { "/console", "/console/subscribers", "/console/subscribers?status=SUPPRESSED",
			"/console/subscribers/6a1d2f4e-5c7b-4e8a-9f0d-1b2c3d4e5f60",
			"/console/records/6a1d2f4e-5c7b-4e8a-9f0d-1b2c3d4e5f60", "/console/dead-letters",
			"/console/anything-else" })
	void everyPageShouldSendAnUnknownVisitorToTheSignInPage(String page) {
		assertThat(this.mvc.get().uri(page)).hasStatus(302).headers().hasValue("Location", "/console/sign-in");
		MockHttpSession forged = new MockHttpSession();
		forged.setAttribute("SPRING_SECURITY_CONTEXT", "forged");
		assertThat(this.mvc.get().uri(page).session(forged)).hasStatus(302)
			.headers()
			.hasValue("Location", "/console/sign-in");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/console/dead-letters/redrive", "/console/dead-letters/0/0/redrive",
			"/console/subscribers/6a1d2f4e-5c7b-4e8a-9f0d-1b2c3d4e5f60/suppress",
			"/console/subscribers/6a1d2f4e-5c7b-4e8a-9f0d-1b2c3d4e5f60/reactivate",
			"/console/subscribers/6a1d2f4e-5c7b-4e8a-9f0d-1b2c3d4e5f60/revoke-links",
			"/console/records/6a1d2f4e-5c7b-4e8a-9f0d-1b2c3d4e5f60/resend", "/console/sign-out" })
	void everyActionShouldBeRefusedWithoutASessionOrWithoutTheFormsToken(String action) {
		assertThat(this.mvc.post().uri(action)).hasStatus(403);
		Console console = signIn("Ada");
		assertThat(this.mvc.post().uri(action).session(console.session)).hasStatus(403);
		assertThat(this.mvc.post().uri(action).session(console.session).param("_csrf", "forged")).hasStatus(403);
	}

	@Test
	void signInShouldTakeTheAdminKeyStartANewSessionAndBeAudited() {
		MockHttpSession before = new MockHttpSession();
		String token = csrf(this.mvc.get().uri("/console/sign-in").session(before).exchange());
		MvcTestResult wrong = this.mvc.post().uri("/console/sign-in").with((request) -> {
			request.setRemoteAddr(newClient());
			return request;
		}).session(before).param("_csrf", token).param("operator", "Mallory").param("key", "not-the-key").exchange();
		assertThat(wrong).hasStatus(302).headers().hasValue("Location", "/console/sign-in?error");
		assertThat(this.mvc.get().uri("/console").session(before)).hasStatus(302);

		Console console = signIn("Ada Lovelace");
		assertThat(console.session).isNotSameAs(before);
		assertThat(console.page("/console")).contains("Signed in as Ada Lovelace").contains("Audit list");
		assertThat(console.page("/console")).contains("Mallory").contains("refused: Not the admin key");

		MvcTestResult signedOut = this.mvc.post()
			.uri("/console/sign-out")
			.session(console.session)
			.param("_csrf", console.csrf)
			.exchange();
		assertThat(signedOut).hasStatus(302).headers().hasValue("Location", "/console/sign-in?signed-out");
		assertThat(this.mvc.get().uri("/console").session(console.session)).hasStatus(302);
	}

	@Test
	void aNameThatIsNotANameShouldBeRefused() {
		MockHttpSession session = new MockHttpSession();
		String token = csrf(this.mvc.get().uri("/console/sign-in").session(session).exchange());
		for (String name : List.of("", "Ada\r\nINFO forged line", "<script>", "x".repeat(65))) {
			assertThat(this.mvc.post().uri("/console/sign-in").with((request) -> {
				request.setRemoteAddr(newClient());
				return request;
			}).session(session).param("_csrf", token).param("operator", name).param("key", ADMIN_KEY)).as(name)
				.hasStatus(302)
				.headers()
				.hasValue("Location", "/console/sign-in?error");
		}
	}

	@Test
	void anOperatorShouldSuppressAndReactivateASubscriberFoundByAddress() {
		String email = Subscribers.newAddress("console");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, "console-" + UUID.randomUUID());
		Console console = signIn("Grace");

		MvcTestResult found = this.mvc.get()
			.uri("/console/subscribers?email={email}", email.toUpperCase())
			.session(console.session)
			.exchange();
		assertThat(found).hasStatus(302).headers().hasValue("Location", "/console/subscribers/" + subscriber.id());
		assertThat(console.page("/console/subscribers/" + subscriber.id())).contains(email).contains("Active");

		console.post("/console/subscribers/" + subscriber.id() + "/suppress");
		assertThat(this.store.findById(subscriber.id()).orElseThrow().status()).isEqualTo(SubscriberStatus.SUPPRESSED);
		assertThat(console.page("/console/subscribers?status=SUPPRESSED")).contains(email);
		console.post("/console/subscribers/" + subscriber.id() + "/reactivate");
		assertThat(this.store.findById(subscriber.id()).orElseThrow().status()).isEqualTo(SubscriberStatus.ACTIVE);

		assertThat(console.page("/console")).contains("subscriber " + subscriber.id())
			.contains("now SUPPRESSED")
			.contains("now ACTIVE")
			.contains("Grace");
		assertThat(console.page("/console/subscribers?email=nobody-" + UUID.randomUUID() + "@example.org"))
			.contains("No subscriber has the address");
	}

	@Test
	void resendFromTheRecordPageShouldSendTheFailedDeliveriesAgain() {
		String topic = "console-resend-" + UUID.randomUUID().toString().substring(0, 8);
		String email = Subscribers.newAddress("resend");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, topic);
		TestRecords record = TestRecords.meeting(topic);
		this.records.send(RecordsTopic.RECORDS, record.id(), record.json(), "dev.herald.record.published.v1");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, record.title()).size() == 1);
		String entry = Delivery.idOf(record.id(), subscriber.id());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.ledger.findById(entry).status() == DeliveryStatus.SENT);
		// As a recipient's server refusing it for good would have left it.
		this.ledger.markUnsent(List.of(entry), DeliveryStatus.FAILED, "550 5.1.1 mailbox unavailable", Instant.now());
		Console console = signIn("Linus");
		assertThat(console.page("/console")).contains(record.title());
		assertThat(console.page("/console/records/" + record.id() + "?state=FAILED")).contains(email)
			.contains("550 5.1.1 mailbox unavailable");

		console.post("/console/records/" + record.id() + "/resend");

		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, record.title()).size() == 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.ledger.findById(entry).status() == DeliveryStatus.SENT);
		assertThat(console.page("/console")).contains("resend-failed").contains("1 scheduled again");
	}

	@Test
	void deadLettersShouldBeShownWithTheirReasonAndRedrivenOneOrAll() {
		String topic = "console-dlt-" + UUID.randomUUID().toString().substring(0, 8);
		String email = Subscribers.newAddress("console-dlt");
		this.subscribers.subscribeAndConfirm(email, topic);
		TestRecords first = TestRecords.meeting(topic);
		TestRecords second = TestRecords.meeting(topic);
		String broken = UUID.randomUUID().toString();
		var poison = this.records.send(RecordsTopic.RECORDS, broken, "{\"id\":\"" + broken + "\",\"kind\":\"MEETING\"}",
				"dev.herald.record.published.v1");
		// As an earlier version, which refused these valid records, left them.
		var one = this.records.send(DeadLetterIntegrationTests.DEAD_LETTERS, first.id(), first.json(),
				"dev.herald.record.published.v1");
		this.records.send(DeadLetterIntegrationTests.DEAD_LETTERS, second.id(), second.json(),
				"dev.herald.record.published.v1");
		this.records.awaitConsumed(poison);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> DeadLetterIntegrationTests.deadLetters(this.infra.kafkaBootstrapServers())
				.stream()
				.anyMatch((message) -> broken.equals(message.key())));
		Console console = signIn("Barbara");

		String page = console.page("/console/dead-letters");
		assertThat(page).contains(broken)
			.contains("required property &#39;title&#39; not found")
			.doesNotContain("Listener method")
			.contains(first.id())
			.contains("not re-driven yet");

		console.post("/console/dead-letters/" + one.partition() + "/" + one.offset() + "/redrive");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, first.title()).size() == 1);
		assertThat(this.mailbox.to(email, second.title())).isEmpty();

		console.post("/console/dead-letters/redrive");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, second.title()).size() == 1);
		assertThat(this.mailbox.to(email, first.title())).as("matched once, re-driven twice").hasSize(1);
		assertThat(console.page("/console/dead-letters")).as("the re-drive's outcome").contains("still refused");
		assertThat(console.page("/console")).contains("redrive-one").contains("redrive-all").contains("Barbara");
	}

	@Test
	void theCatalogsDeadLettersShouldBePublishedBackToTheRecordsTopicWhenTheContractAcceptsThem() {
		String catalogDeadLetters = "herald.records.v1.catalog-service.dlt";
		String topic = "console-catalog-dlt-" + UUID.randomUUID().toString().substring(0, 8);
		String email = Subscribers.newAddress("console-catalog-dlt");
		this.subscribers.subscribeAndConfirm(email, topic);
		TestRecords refusedByTheCatalog = TestRecords.meeting(topic);
		String stillBroken = UUID.randomUUID().toString();
		// As an earlier catalog, which refused this valid record, left it.
		var valid = this.records.send(catalogDeadLetters, refusedByTheCatalog.id(), refusedByTheCatalog.json(),
				"dev.herald.record.published.v1");
		this.records.send(catalogDeadLetters, stillBroken, "{\"id\":\"" + stillBroken + "\"}",
				"dev.herald.record.published.v1");
		Console console = signIn("Frances");
		String page = console.page("/console/dead-letters?topic=" + catalogDeadLetters);
		assertThat(page).contains(refusedByTheCatalog.id()).contains(stillBroken).contains("back to the records topic");

		console.post("/console/dead-letters/" + valid.partition() + "/" + valid.offset() + "/redrive?topic="
				+ catalogDeadLetters);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mailbox.to(email, refusedByTheCatalog.title()).size() == 1);
		console.post("/console/dead-letters/redrive?topic=" + catalogDeadLetters);
		assertThat(console.page("/console")).contains("redrive-all")
			.contains(catalogDeadLetters)
			.contains("still refused");
		assertThat(this.mvc.get().uri("/console/dead-letters?topic=not-a-dead-letter-topic").session(console.session))
			.hasStatus(404);
	}

	@Test
	void aSessionIdleLongerThanTheTimeoutShouldEnd() {
		Console console = signIn("Edsger");
		this.clock.advance(Duration.ofMinutes(29));
		assertThat(console.page("/console")).contains("Signed in as Edsger");
		this.clock.advance(Duration.ofMinutes(29));
		assertThat(console.page("/console")).as("29 minutes after the last request").contains("Signed in as Edsger");
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(this.mvc.get().uri("/console").session(console.session)).hasStatus(302)
			.headers()
			.hasValue("Location", "/console/sign-in?expired");
		assertThat(this.mvc.get().uri("/console").session(console.session)).hasStatus(302)
			.headers()
			.hasValue("Location", "/console/sign-in");
	}

	@Test
	void signInAttemptsShouldBeThrottledPerClient() {
		String client = newClient();
		MockHttpSession session = new MockHttpSession();
		String token = csrf(this.mvc.get().uri("/console/sign-in").session(session).exchange());
		for (int attempt = 1; attempt <= SignInThrottle.PER_MINUTE; attempt++) {
			assertThat(signInAttempt(session, token, client, "wrong")).as("attempt %d", attempt)
				.headers()
				.hasValue("Location", "/console/sign-in?error");
		}
		assertThat(signInAttempt(session, token, client, ADMIN_KEY)).headers()
			.hasValue("Location", "/console/sign-in?wait");
		assertThat(signInAttempt(session, token, newClient(), ADMIN_KEY)).headers().hasValue("Location", "/console");
	}

	private MvcTestResult signInAttempt(MockHttpSession session, String token, String client, String key) {
		return this.mvc.post().uri("/console/sign-in").with((request) -> {
			request.setRemoteAddr(client);
			return request;
		}).session(session).param("_csrf", token).param("operator", "Tester").param("key", key).exchange();
	}

	private static String newClient() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	private Console signIn(String operator) {
		MockHttpSession session = new MockHttpSession();
		String token = csrf(this.mvc.get().uri("/console/sign-in").session(session).exchange());
		String client = newClient();
		MvcTestResult signedIn = this.mvc.post().uri("/console/sign-in").with((request) -> {
			request.setRemoteAddr(client);
			return request;
		}).session(session).param("_csrf", token).param("operator", operator).param("key", ADMIN_KEY).exchange();
		assertThat(signedIn).hasStatus(302).headers().hasValue("Location", "/console");
		MockHttpSession signedInSession = (MockHttpSession) signedIn.getRequest().getSession(false);
		assertThat(signedInSession).isNotNull();
		Console console = new Console(signedInSession);
		console.csrf = csrf(this.mvc.get().uri("/console").session(signedInSession).exchange());
		return console;
	}

	private static String csrf(MvcTestResult page) {
		Matcher matcher = CSRF
			.matcher(new String(page.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8));
		assertThat(matcher.find()).as("a CSRF token in the page's forms").isTrue();
		return matcher.group(1);
	}

	private final class Console {

		private final MockHttpSession session;

		private String csrf;

		Console(MockHttpSession session) {
			this.session = session;
		}

		String page(String uri) {
			MvcTestResult page = ConsoleIntegrationTests.this.mvc.get().uri(uri).session(this.session).exchange();
			assertThat(page).as(uri).hasStatusOk();
			return new String(page.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
		}

		void post(String uri) {
			assertThat(ConsoleIntegrationTests.this.mvc.post().uri(uri).session(this.session).param("_csrf", this.csrf))
				.as(uri)
				.hasStatus(302);
		}

	}

}
