package dev.herald.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.herald.notify.ledger.Delivery;
import dev.herald.notify.ledger.DeliveryLedger;
import dev.herald.notify.ledger.DeliveryStatus;
import dev.herald.notify.matching.DeadLetterIntegrationTests;
import dev.herald.notify.subscription.Subscriber;
import dev.herald.notify.subscription.SubscriberStatus;
import dev.herald.notify.token.TokenPurpose;
import dev.herald.notify.token.TokenService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an attacker tries: header injection through addresses and record fields, markup in
 * records, forged and expired links, mail-bombing a third party, and learning who
 * subscribes.
 */
@NotifyIntegrationTest
class HostileInputIntegrationTests extends NotifyScenarioSupport {

	private static final String TOPIC = "terrorism-extremism";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private DeliveryLedger ledger;

	@Autowired
	private NotifyProperties properties;

	@Test
	void addressWithLineBreaksOrExtraRecipientsShouldBeRefusedWithNothingSent() {
		String victim = Subscribers.newAddress("victim");
		String reader = Subscribers.newAddress("reader");
		for (String hostile : List.of(reader + "\r\nBcc: " + victim, reader + "\nBcc:" + victim,
				reader + "%0d%0aBcc:" + victim, reader + ", " + victim,
				"\"Reader\r\nBcc: " + victim + "\" <" + reader + ">", "Reader <" + reader + ">", "Bcc: " + victim,
				reader + "\u0000", "x".repeat(250) + "@example.org")) {
			MvcTestResult result = this.subscribers.subscribe(hostile, List.of(TOPIC), Subscribers.newClient());
			assertThat(result).as(hostile)
				.hasStatus(HttpStatus.BAD_REQUEST)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("$.errors[0].field")
				.isEqualTo("email");
		}
		assertThat(this.subscribers.find(reader)).isNull();
		assertThat(this.subscribers.find(victim)).isNull();
		assertThat(this.mailbox.to(victim)).isEmpty();
		assertThat(this.mailbox.to(reader)).isEmpty();
	}

	@Test
	void subscribeFormShouldEscapeWhatItEchoes() {
		assertThat(
				this.mvc.post().uri("/subscribe").contentType(MediaType.APPLICATION_FORM_URLENCODED).with((request) -> {
					request.setRemoteAddr(Subscribers.newClient());
					return request;
				}).content("email=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&topics=" + TOPIC))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.doesNotContain("<script>alert(1)")
			.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void recordWithLineBreaksInItsTitleShouldBeDeadLetteredAndEmailNobody() {
		String email = Subscribers.newAddress("reader");
		String victim = Subscribers.newAddress("victim");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, TOPIC);
		TestRecords record = TestRecords.meeting(TOPIC);
		record.with("title", "Evil\r\nBcc: " + victim + "\r\nX-Injected: yes");
		TestRecords next = TestRecords.meeting(TOPIC);
		this.records.awaitConsumed(this.records.publish(record), this.records.publish(next));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> DeadLetterIntegrationTests.deadLetters(this.infra.kafkaBootstrapServers())
				.stream()
				.anyMatch((dead) -> record.id().equals(dead.key())));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(email, next.title()).size() == 1);
		assertThat(this.ledger.findById(Delivery.idOf(record.id(), subscriber.id()))).isNull();
		assertThat(this.mailbox.to(email, "Evil")).isEmpty();
		assertThat(this.mailbox.to(victim)).isEmpty();
	}

	@Test
	void recordFieldsWithMarkupShouldBeEscapedAndStayOutOfHeaders() {
		String email = Subscribers.newAddress("reader");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email, TOPIC);
		TestRecords record = TestRecords.meeting(TOPIC);
		String marker = record.id().substring(0, 8);
		record.with("title", "Evil " + marker + " Bcc: x@example.org X-Injected: yes <script>alert(1)</script>")
			.with("summary", "<img src=x onerror=alert(2)> & more")
			.with("organization", "<b>Org</b>")
			.with("bodies", List.of("<i>Council</i>"))
			.with("place", Map.of("city", "<svg onload=alert(3)>", "country", "Nowhere"));
		this.records.publish(record);
		String deliveryId = Delivery.idOf(record.id(), subscriber.id());
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Delivery delivery = this.ledger.findById(deliveryId);
			return delivery != null && delivery.status() == DeliveryStatus.SENT;
		});

		List<MimeMessage> alerts = this.mailbox.to(email, "Evil " + marker);
		assertThat(alerts).hasSize(1);
		MimeMessage alert = alerts.get(0);
		assertThat(Mailbox.subjectOf(alert)).isEqualTo(
				"[Herald] Meeting: Evil " + marker + " Bcc: x@example.org X-Injected: yes <script>alert(1)</script>");
		assertThat(Mailbox.header(alert, "Bcc")).isNull();
		assertThat(Mailbox.header(alert, "X-Injected")).isNull();
		assertThat(Mailbox.header(alert, "To")).isEqualTo(email);
		String html = Mailbox.part(alert, "text/html");
		assertThat(html).doesNotContain("<script>", "<img", "<svg", "<b>Org", "<i>Council")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt; &amp; more",
					"&lt;b&gt;Org&lt;/b&gt;", "&lt;svg onload=alert(3)&gt;, Nowhere");
		assertThat(this.mailbox.to("x@example.org", "Evil " + marker)).isEmpty();
	}

	@Test
	void forgedExpiredAndMissingTokensShouldShowAClearPageAndChangeNothing() {
		String email = Subscribers.newAddress("pending");
		this.subscribers.subscribeAndAwaitEmail(email, Subscribers.CONFIRM_SUBJECT, TOPIC);
		Subscriber pending = this.subscribers.find(email);
		String forged = new TokenService("a-secret-that-is-not-the-service-secret-0123", Clock.systemUTC())
			.issue(pending.id(), 0, TokenPurpose.CONFIRM, Duration.ofHours(48));
		String expired = new TokenService(this.properties.tokenSecret(),
				Clock.fixed(Instant.now().minus(Duration.ofHours(49)), ZoneOffset.UTC))
			.issue(pending.id(), 0, TokenPurpose.CONFIRM, Duration.ofHours(48));
		String wrongPurpose = new TokenService(this.properties.tokenSecret(), Clock.systemUTC()).issue(pending.id(), 0,
				TokenPurpose.UNSUBSCRIBE, Duration.ofHours(48));

		for (String uri : List.of("/subscriptions/confirm?token=" + forged, "/subscriptions/confirm?token=" + expired,
				"/subscriptions/confirm?token=" + wrongPurpose, "/subscriptions/confirm?token=%3Cscript%3E",
				"/subscriptions/confirm", "/subscriptions/manage?token=" + forged, "/unsubscribe?token=" + expired)) {
			assertThat(this.mvc.get().uri(uri)).as(uri)
				.hasStatus(HttpStatus.BAD_REQUEST)
				.bodyText()
				.contains("This link cannot be used", "invalid or has expired")
				.doesNotContain("<script>");
		}
		assertThat(this.mvc.post()
			.uri("/unsubscribe?token=" + forged)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/api/v1/subscriptions/me").header("Authorization", "Bearer " + forged))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.subscribers.find(email).status()).isEqualTo(SubscriberStatus.PENDING);
	}

	@Test
	void moreThanTenRequestsFromOneClientInAMinuteShouldAnswer429AndSendNothing() {
		String client = Subscribers.newClient();
		for (int i = 0; i < 10; i++) {
			assertThat(this.subscribers.subscribe(Subscribers.newAddress("burst" + i), List.of(TOPIC), client))
				.hasStatus(HttpStatus.ACCEPTED);
		}
		String eleventh = Subscribers.newAddress("burst10");
		MvcTestResult refused = this.subscribers.subscribe(eleventh, List.of(TOPIC), client);
		assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
		assertThat(this.subscribers.subscribe(eleventh, List.of(TOPIC), Subscribers.newClient()))
			.hasStatus(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(eleventh).size() == 1);
	}

	@Test
	void moreThanThreeEmailsToOneAddressInADayShouldAnswer429AndSendNothing() {
		String victim = Subscribers.newAddress("bombed");
		for (int i = 0; i < 3; i++) {
			assertThat(this.subscribers.subscribe(victim, List.of(TOPIC), Subscribers.newClient()))
				.hasStatus(HttpStatus.ACCEPTED);
		}
		String tagged = victim.replace("@", "+again@");
		for (String address : List.of(victim, victim.toUpperCase(), tagged)) {
			MvcTestResult refused = this.subscribers.subscribe(address, List.of(TOPIC), Subscribers.newClient());
			assertThat(refused).as(address).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
			assertThat(Duration.ofSeconds(Long.parseLong(refused.getResponse().getHeader("Retry-After"))))
				.isGreaterThan(Duration.ofHours(23));
		}
		assertThat(this.mailbox.to(victim)).hasSize(3);
		assertThat(this.mailbox.to(tagged)).isEmpty();
		assertThat(this.subscribers.find(tagged)).isNull();
	}

	@Test
	void subscribeShouldAnswerTheSameForNewPendingAndActiveAddresses() {
		String pending = Subscribers.newAddress("pending");
		this.subscribers.subscribeAndAwaitEmail(pending, Subscribers.CONFIRM_SUBJECT, TOPIC);
		String active = Subscribers.newAddress("active");
		this.subscribers.subscribeAndConfirm(active, TOPIC);
		String fresh = Subscribers.newAddress("fresh");

		List<MvcTestResult> answers = List.of(fresh, pending, active)
			.stream()
			.map((email) -> this.subscribers.subscribe(email, List.of(TOPIC), Subscribers.newClient()))
			.toList();
		for (MvcTestResult answer : answers) {
			assertThat(answer).hasStatus(HttpStatus.ACCEPTED).hasContentType(MediaType.APPLICATION_JSON);
			assertThat(answer.getResponse().getContentAsByteArray())
				.isEqualTo(answers.get(0).getResponse().getContentAsByteArray());
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mailbox.to(active, Subscribers.MANAGE_SUBJECT).size() == 1
					&& this.mailbox.to(fresh, Subscribers.CONFIRM_SUBJECT).size() == 1
					&& this.mailbox.to(pending, Subscribers.CONFIRM_SUBJECT).size() == 2);
	}

	@Test
	void unknownTopicsShouldAnswer400ListingTheKnownOnes() {
		String email = Subscribers.newAddress("curious");
		var problem = assertThat(this.subscribers.subscribeJson(
				JSON.writeValueAsString(Map.of("email", email, "topics", List.of(TOPIC, "knitting", "<b>x</b>"))),
				Subscribers.newClient()))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson();
		problem.extractingPath("$.unknownTopics").asArray().containsExactly("knitting", "<b>x</b>");
		problem.extractingPath("$.knownTopics").asArray().contains(TOPIC, "information-security", "peacekeeping");
		assertThat(this.subscribers.find(email)).isNull();
		assertThat(this.mailbox.to(email)).isEmpty();
	}

	@Test
	void hostileScheduleFieldsShouldAnswer400NamingTheFieldWithNothingStoredOrSent() {
		String huge = "x".repeat(10_000);
		List<String> longList = java.util.stream.IntStream.range(0, 200).mapToObj((i) -> TOPIC).toList();
		List<String> hugeList = java.util.stream.IntStream.range(0, 10_000).mapToObj((i) -> TOPIC).toList();
		Map<String, String> cases = new java.util.LinkedHashMap<>();
		cases.put("\"timeZone\":\"Mars/Olympus_Mons\"", "timeZone");
		cases.put("\"timeZone\":\"UTC\\r\\nBcc: victim@example.org\"", "timeZone");
		cases.put("\"timeZone\":\"" + huge + "\"", "timeZone");
		cases.put("\"timeZone\":\"GMT+99\"", "timeZone");
		cases.put("\"deliveryTime\":\"25:00\"", "deliveryTime");
		cases.put("\"deliveryTime\":\"08:00:00.5; DROP\"", "deliveryTime");
		cases.put("\"deliveryTime\":[8,0]", "deliveryTime");
		cases.put("\"frequency\":\"HOURLY\"", "frequency");
		cases.put("\"frequency\":{\"every\":\"minute\"}", "frequency");
		cases.put("\"frequency\":\"WEEKLY\",\"dayOfWeek\":\"FUNDAY\"", "dayOfWeek");
		cases.put("\"quietHours\":{\"from\":\"22:00\",\"to\":\"22:00\"}", "quietHours");
		cases.put("\"quietHours\":{\"from\":\"22:00\"}", "quietHours.to");
		cases.put("\"quietHours\":{\"from\":\"24:00\",\"to\":\"07:00\"}", "quietHours.from");
		cases.put("\"quietHours\":\"22:00-07:00\"", "quietHours");
		for (Map.Entry<String, String> hostile : cases.entrySet()) {
			String email = Subscribers.newAddress("scheduler");
			String body = "{\"email\":\"" + email + "\",\"topics\":[\"" + TOPIC + "\"]," + hostile.getKey() + "}";
			assertRefusedNaming(this.subscribers.subscribeJson(body, Subscribers.newClient()), hostile);
			assertThat(this.subscribers.find(email)).isNull();
		}
		String crowded = Subscribers.newAddress("crowded");
		assertThat(this.subscribers.subscribeJson(
				JSON.writeValueAsString(Map.of("email", crowded, "topics", longList, "timeZone", "UTC")),
				Subscribers.newClient()))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("topics");
		// A list too large for a request at all is refused before it is read.
		assertThat(this.subscribers.subscribeJson(
				JSON.writeValueAsString(Map.of("email", crowded, "topics", hugeList, "timeZone", "UTC")),
				Subscribers.newClient()))
			.hasStatus(HttpStatus.PAYLOAD_TOO_LARGE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.subscribers.find(crowded)).isNull();

		// The same fields through the manage API: refused, and the stored schedule stays.
		String email = Subscribers.newAddress("manager");
		Subscriber subscriber = this.subscribers.subscribeAndConfirm(email,
				Map.of("frequency", "DAILY", "deliveryTime", "07:00", "timeZone", "Europe/Moscow"), TOPIC);
		String token = new TokenService(this.properties.tokenSecret(), Clock.systemUTC()).issue(subscriber.id(), 0,
				TokenPurpose.MANAGE, Duration.ofHours(1));
		for (Map.Entry<String, String> hostile : cases.entrySet()) {
			assertRefusedNaming(this.mvc.put()
				.uri("/api/v1/subscriptions/me")
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{" + hostile.getKey() + "}")
				.exchange(), hostile);
		}
		Subscriber after = this.subscribers.find(email);
		assertThat(after.schedule()).isEqualTo(subscriber.schedule());
		assertThat(after.updatedAt()).isEqualTo(subscriber.updatedAt());
		assertThat(this.mailbox.to(email)).hasSize(1);
	}

	/**
	 * A 400 problem whose errors name the field a hostile JSON fragment breaks.
	 * @param result the answer
	 * @param hostile the fragment and the field it breaks
	 */
	private static void assertRefusedNaming(MvcTestResult result, Map.Entry<String, String> hostile) {
		assertThat(result).as(hostile.getKey().substring(0, Math.min(80, hostile.getKey().length())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains(hostile.getValue());
	}

}
