package dev.herald.localstack.mail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.herald.localstack.LocalStackApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox page and API of the local run, with only the SMTP component.
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
		assertThat(send("DELETE", "/api/messages").statusCode()).isEqualTo(204);
	}

	@Test
	void apiWhenEmailWasSentShouldListItWithItsParts() throws Exception {
		TestEmails.sendMultipart("localhost", smtp.port());

		JsonNode messages = awaitMessages(1);
		JsonNode email = messages.get(0);
		assertThat(email.get("subject").asString()).isEqualTo(TestEmails.SUBJECT);
		assertThat(email.get("from").asString()).isEqualTo("alerts@herald.example");
		assertThat(email.get("to").get(0).asString()).isEqualTo("reader@example.org");
		assertThat(email.get("text").asString()).isEqualTo(TestEmails.TEXT);
		assertThat(email.get("html").asString()).isEqualTo(TestEmails.HTML);
		assertThat(email.get("headers").get("List-Unsubscribe").get(0).asString())
			.isEqualTo("<http://localhost:8083/unsubscribe?token=abc>");
		assertThat(email.get("raw").asString()).contains("Content-Type: multipart/alternative");
		assertThat(email.get("receivedAt").asString()).isNotBlank();

		HttpResponse<String> one = send("GET", "/api/messages/" + email.get("id").asString());
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.shared().readTree(one.body()).get("subject").asString()).isEqualTo(TestEmails.SUBJECT);
	}

	@Test
	void apiWhenFilteredByRecipientOrSubjectShouldListOnlyThoseEmails() throws Exception {
		TestEmails.sendPlain("localhost", smtp.port(), "one@first.example");
		TestEmails.sendPlain("localhost", smtp.port(), "two@second.example");
		TestEmails.sendPlain("localhost", smtp.port(), "Three@Second.example");
		awaitMessages(3);

		JsonNode second = JsonMapper.shared().readTree(send("GET", "/api/messages?to=@second.example").body());
		JsonNode one = JsonMapper.shared().readTree(send("GET", "/api/messages?to=ONE@first.example").body());

		assertThat(second).hasSize(2);
		second.forEach((email) -> assertThat(email.get("envelopeTo").get(0).asString().toLowerCase())
			.endsWith("@second.example"));
		assertThat(one).hasSize(1);
		assertThat(one.get(0).get("envelopeTo").get(0).asString()).isEqualTo("one@first.example");
		TestEmails.sendMultipart("localhost", smtp.port());
		awaitMessages(4);
		JsonNode plain = JsonMapper.shared()
			.readTree(send("GET", "/api/messages?to=@second.example&subject=Plain").body());
		JsonNode council = JsonMapper.shared()
			.readTree(send("GET", "/api/messages?subject=" + URLEncoder.encode("Заседание", StandardCharsets.UTF_8))
				.body());
		JsonNode none = JsonMapper.shared()
			.readTree(send("GET", "/api/messages?to=@second.example&subject=nothing-like-it").body());
		assertThat(plain).hasSize(2);
		assertThat(council).hasSize(1);
		assertThat(council.get(0).get("subject").asString()).isEqualTo(TestEmails.SUBJECT);
		assertThat(none).isEmpty();
	}

	@Test
	void apiWhenIdIsUnknownShouldAnswerProblemDetail() throws Exception {
		HttpResponse<String> response = send("GET", "/api/messages/999999");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
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
		String id = awaitMessages(1).get(0).get("id").asString();

		HttpResponse<String> response = send("GET", "/messages/" + id);
		String page = response.body();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'none'"));
		assertThat(page).contains("<iframe").contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"");
		assertThat(page)
			.contains("srcdoc=\"&lt;!DOCTYPE html&gt;&lt;html&gt;&lt;head&gt;&lt;base target=&quot;_blank&quot;&gt;");
		assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
		assertThat(page).contains(TestEmails.TEXT);
		assertThat(page).contains("List-Unsubscribe");
	}

	@Test
	void deleteShouldEmptyTheInbox() throws Exception {
		TestEmails.sendMultipart("localhost", smtp.port());
		awaitMessages(1);

		assertThat(send("DELETE", "/api/messages").statusCode()).isEqualTo(204);

		assertThat(JsonMapper.shared().readTree(send("GET", "/api/messages").body()).size()).isZero();
	}

	private JsonNode awaitMessages(int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> JsonMapper.shared().readTree(send("GET", "/api/messages").body()),
					(messages) -> messages.size() == count);
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
