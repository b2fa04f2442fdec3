package dev.herald.localstack.mail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.localstack.LocalStackApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox page and its Mailpit-compatible API of the local run, with only the SMTP
 * component.
 */
class InboxIntegrationTests {

	private static ConfigurableApplicationContext context;

	private static SmtpServer smtp;

	private static String baseUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startLocalRun() {
		context = LocalStackApplication.run("--herald.run.services=false", "--herald.run.components=smtp",
				"--herald.run.smtp-port=0", "--herald.run.inbox-port=0");
		smtp = context.getBean(SmtpServer.class);
		baseUrl = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stopLocalRun() {
		context.close();
	}

	@BeforeEach
	void emptyInbox() throws Exception {
		HttpResponse<String> deleted = send("DELETE", "/api/v1/messages");
		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(deleted.body()).isEqualTo("ok");
	}

	@Test
	void messagesShouldListSummariesInMailpitsShapeNewestFirst() throws Exception {
		TestEmails.sendPlain("localhost", smtp.port(), "one@first.example");
		TestEmails.sendMultipart("localhost", smtp.port());

		JsonNode list = awaitMessages(2);
		assertThat(list.get("total").asInt()).isEqualTo(2);
		assertThat(list.get("unread").asInt()).isEqualTo(2);
		assertThat(list.get("messages_count").asInt()).isEqualTo(2);
		assertThat(list.get("start").asInt()).isZero();
		JsonNode newest = list.get("messages").get(0);
		assertThat(newest.get("Subject").asString()).isEqualTo(TestEmails.SUBJECT);
		assertThat(newest.get("From").get("Address").asString()).isEqualTo("alerts@herald.example");
		assertThat(newest.get("To").get(0).get("Address").asString()).isEqualTo("reader@example.org");
		assertThat(newest.get("Cc").get(0).get("Address").asString()).isEqualTo("second@example.org");
		assertThat(newest.get("Bcc")).isEmpty();
		assertThat(newest.get("Read").asBoolean()).isFalse();
		assertThat(newest.get("Snippet").asString()).isEqualTo(TestEmails.TEXT);
		assertThat(newest.get("Size").asInt()).isPositive();
		assertThat(newest.get("Created").asString()).isNotBlank();
		assertThat(list.get("messages").get(1).get("Subject").asString()).isEqualTo("Plain");

		JsonNode page = json(send("GET", "/api/v1/messages?start=1&limit=1"));
		assertThat(page.get("messages")).hasSize(1);
		assertThat(page.get("messages").get(0).get("Subject").asString()).isEqualTo("Plain");
	}

	@Test
	void messageShouldCarryBothPartsAndByLatestTheNewestAndMarkItRead() throws Exception {
		TestEmails.sendMultipart("localhost", smtp.port());
		String id = awaitMessages(1).get("messages").get(0).get("ID").asString();

		JsonNode message = json(send("GET", "/api/v1/message/" + id));
		assertThat(message.get("ID").asString()).isEqualTo(id);
		assertThat(message.get("Subject").asString()).isEqualTo(TestEmails.SUBJECT);
		assertThat(message.get("Text").asString()).isEqualTo(TestEmails.TEXT);
		assertThat(message.get("HTML").asString()).isEqualTo(TestEmails.HTML);
		assertThat(message.get("ListUnsubscribe").get("Links").get(0).asString())
			.isEqualTo("http://localhost:8083/unsubscribe?token=abc");
		assertThat(json(send("GET", "/api/v1/message/latest")).get("ID").asString()).isEqualTo(id);
		assertThat(json(send("GET", "/api/v1/messages")).get("unread").asInt()).isZero();

		assertThat(json(send("GET", "/api/v1/message/latest/headers")).get("List-Unsubscribe").get(0).asString())
			.isEqualTo("<http://localhost:8083/unsubscribe?token=abc>");
		assertThat(send("GET", "/api/v1/message/" + id + "/raw").body())
			.contains("Content-Type: multipart/alternative");
		HttpResponse<String> text = send("GET", "/view/latest.txt");
		assertThat(text.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(text.body()).isEqualTo(TestEmails.TEXT);
	}

	@Test
	void searchShouldFilterByRecipientSubjectWordsAndNegation() throws Exception {
		TestEmails.sendPlain("localhost", smtp.port(), "one@first.example");
		TestEmails.sendPlain("localhost", smtp.port(), "two@second.example");
		TestEmails.sendPlain("localhost", smtp.port(), "Three@Second.example");
		TestEmails.sendMultipart("localhost", smtp.port());
		awaitMessages(4);

		assertThat(subjects("to:@second.example")).containsExactly("Plain", "Plain");
		assertThat(subjects("to:ONE@first.example")).containsExactly("Plain");
		assertThat(subjects("to:second@example.org")).as("a copy is a recipient").hasSize(1);
		assertThat(subjects("subject:\"Совета <CSTO>\"")).containsExactly(TestEmails.SUBJECT);
		assertThat(subjects("minsk")).as("a word of the text").containsExactly(TestEmails.SUBJECT);
		assertThat(subjects("to:@second.example -subject:Plain")).isEmpty();
		assertThat(subjects("!to:@second.example")).hasSize(2);
		assertThat(subjects("")).hasSize(4);

		assertThat(send("DELETE", "/api/v1/search?query=" + encode("to:@second.example")).statusCode()).isEqualTo(200);
		assertThat(subjects("")).hasSize(2);
	}

	@Test
	void deleteWithIdsShouldDeleteOnlyThose() throws Exception {
		TestEmails.sendPlain("localhost", smtp.port(), "one@first.example");
		TestEmails.sendPlain("localhost", smtp.port(), "two@first.example");
		String newest = awaitMessages(2).get("messages").get(0).get("ID").asString();

		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/messages"))
			.header("Content-Type", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"IDs\": [\"" + newest + "\"]}"))
			.build();
		assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

		JsonNode left = json(send("GET", "/api/v1/messages"));
		assertThat(left.get("total").asInt()).isEqualTo(1);
		assertThat(left.get("messages").get(0).get("ID").asString()).isNotEqualTo(newest);
	}

	@Test
	void unknownIdOrLatestOfAnEmptyInboxShouldAnswerProblemDetail() throws Exception {
		for (String path : List.of("/api/v1/message/999999", "/api/v1/message/latest", "/view/latest.txt")) {
			HttpResponse<String> response = send("GET", path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Test
	void theReadmesInboxCommandsShouldUseOnlyPathsMailpitServesAndTheseAnswer() throws IOException {
		List<Pattern> mailpit = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("src/test/resources/mailpit-api-paths.txt"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				String path = line.substring(line.indexOf(' ') + 1);
				mailpit.add(Pattern.compile(Pattern.quote(path).replaceAll("\\{[A-Za-z]+\\}", "\\\\E[^/?]+\\\\Q")));
			}
		}
		String readme = Files.readString(Path.of("../README.md"));
		Matcher inboxUrl = Pattern.compile("http://localhost:8025(/[^\\s'\"?)]*)").matcher(readme);
		List<String> paths = new ArrayList<>();
		while (inboxUrl.find()) {
			paths.add(inboxUrl.group(1));
		}
		assertThat(paths).as("inbox paths in the README").isNotEmpty();
		assertThat(paths).as("inbox paths in the README other than the page itself")
			.filteredOn((path) -> !path.equals("/"))
			.isNotEmpty()
			.allSatisfy((path) -> assertThat(mailpit).as("Mailpit serves %s", path)
				.anySatisfy((pattern) -> assertThat(pattern.matcher(path.replace("$id", "1")).matches()).isTrue()));
	}

	@Test
	void listPageWhenEmailWasSentShouldShowItEscaped() throws Exception {
		TestEmails.sendMultipart("localhost", smtp.port());
		awaitMessages(1);

		String page = send("GET", "/").body();

		assertThat(page).contains("Заседание Совета &lt;CSTO&gt; &amp; &quot;ministers&quot;")
			.doesNotContain("<CSTO>")
			.contains("reader@example.org")
			.contains("alerts@herald.example");
	}

	@Test
	void messagePageShouldShowTheHtmlPartInASandboxedFrameOnly() throws Exception {
		TestEmails.sendMultipart("localhost", smtp.port());
		String id = awaitMessages(1).get("messages").get(0).get("ID").asString();

		HttpResponse<String> response = send("GET", "/messages/" + id);
		String page = response.body();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'none'")
				.contains("img-src 'self' data: cid:")
				.doesNotContain("*")
				.doesNotContain("http"));
		assertThat(page).contains("<iframe").contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"");
		assertThat(page)
			.contains("srcdoc=\"&lt;!DOCTYPE html&gt;&lt;html&gt;&lt;head&gt;&lt;base target=&quot;_blank&quot;&gt;");
		assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
		assertThat(page).contains(TestEmails.TEXT);
		assertThat(page).contains("List-Unsubscribe");
	}

	@Test
	void thePageShouldFindEmailsByRecipientOrSubjectAndDeleteOneOrTheOnesFound() throws Exception {
		TestEmails.sendPlain("localhost", smtp.port(), "one@first.example");
		TestEmails.sendPlain("localhost", smtp.port(), "two@second.example");
		TestEmails.sendMultipart("localhost", smtp.port());
		JsonNode list = awaitMessages(3);

		String byRecipient = send("GET", "/?q=" + encode("to:second.example")).body();
		String bySubject = send("GET", "/?q=" + encode("subject:\"Заседание Совета\"")).body();

		assertThat(byRecipient).contains("two@second.example").doesNotContain("one@first.example").contains("1 of 3");
		assertThat(bySubject).contains("reader@example.org")
			.doesNotContain("two@second.example")
			.doesNotContain("one@first.example");

		String multipartId = list.get("messages").get(0).get("ID").asString();
		HttpResponse<String> deleted = send("POST", "/messages/" + multipartId + "/delete");
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(json(send("GET", "/api/v1/messages")).get("total").asInt()).isEqualTo(2);
		assertThat(send("POST", "/messages/" + multipartId + "/delete").statusCode()).isEqualTo(404);

		send("POST", "/messages/delete?q=" + encode("to:first.example"));
		JsonNode left = json(send("GET", "/api/v1/messages"));
		assertThat(left.get("total").asInt()).isEqualTo(1);
		assertThat(left.get("messages").get(0).get("To").get(0).get("Address").asString())
			.isEqualTo("two@second.example");
	}

	@Test
	void thePageShouldSpeakRussianWhenAskedAndRememberIt() throws Exception {
		TestEmails.sendPlain("localhost", smtp.port(), "one@first.example");
		awaitMessages(1);

		HttpResponse<String> russian = send("GET", "/?locale=ru");
		HttpResponse<String> unsupported = send("GET", "/?locale=fr");

		assertThat(russian.body()).contains("lang=\"ru\"").contains("Входящие").contains("Писем: 1");
		assertThat(russian.headers().firstValue("Set-Cookie")).hasValueSatisfying(
				(cookie) -> assertThat(cookie).startsWith("herald-inbox-lang=ru").contains("SameSite=Lax"));
		assertThat(unsupported.body()).contains("lang=\"en\"").contains("Inbox");
		assertThat(unsupported.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "attacker.example", "attacker.example:8025", "127.0.0.1.nip.io", "" })
	void aRequestNamingAnotherHostShouldGetNothingOfTheEmails(String host) throws Exception {
		TestEmails.sendMultipart("localhost", smtp.port());
		awaitMessages(1);
		int port = URI.create(baseUrl).getPort();
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.getOutputStream()
				.write(("GET /api/v1/messages HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).as(host).doesNotContain(TestEmails.TEXT).doesNotContain("\"Subject\"");
			assertThat(answer.lines().findFirst().orElse("")).matches("HTTP/1.1 4\\d\\d.*");
		}
	}

	@Test
	void theInboxShouldListenOnLoopbackOnlyByDefault() throws Exception {
		java.net.InetAddress address = java.net.InetAddress.getLocalHost();
		java.net.InetAddress outside = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap((network) -> java.util.Collections.list(network.getInetAddresses()).stream())
			.filter((candidate) -> !candidate.isLoopbackAddress() && candidate instanceof java.net.Inet4Address)
			.findFirst()
			.orElse(address);
		org.junit.jupiter.api.Assumptions.assumeFalse(outside.isLoopbackAddress(), "no address besides loopback");
		int port = URI.create(baseUrl).getPort();
		try (java.net.Socket socket = new java.net.Socket()) {
			org.assertj.core.api.Assertions.assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> socket.connect(new java.net.InetSocketAddress(outside, port), 2000));
		}
	}

	private List<String> subjects(String query) throws Exception {
		List<String> subjects = new ArrayList<>();
		json(send("GET", "/api/v1/search?query=" + encode(query))).get("messages")
			.forEach((message) -> subjects.add(message.get("Subject").asString()));
		return subjects;
	}

	private JsonNode awaitMessages(int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> json(send("GET", "/api/v1/messages")), (list) -> list.get("messages").size() == count);
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
