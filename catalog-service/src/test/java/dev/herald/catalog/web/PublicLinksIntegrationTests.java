package dev.herald.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.herald.catalog.CatalogHttp;
import dev.herald.catalog.CatalogIntegrationTest;
import dev.herald.catalog.KafkaTestClient;
import dev.herald.catalog.TestRecords;
import dev.herald.localstack.test.HeraldInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request naming a forged Host (or forwarded host) gets links to the configured public
 * base URL only: in the API's next link and record links, in the Atom feed (cached by
 * proxies for a minute) and in the pages.
 */
@CatalogIntegrationTest
class PublicLinksIntegrationTests {

	private static final String FORGED = "attacker.example";

	private static KafkaTestClient kafka;

	private static String organization;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void publishTwoRecords() {
		kafka = new KafkaTestClient(HeraldInfrastructure.get());
		organization = TestRecords.uniqueOrganization();
		List<ObjectNode> events = List.of(TestRecords.meeting(organization), TestRecords.meeting(organization));
		kafka.publishAll(events);
	}

	@AfterAll
	static void disconnect() {
		kafka.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/records?size=1&organization=", "/feeds/records.atom?organization=",
			"/records?size=1&organization=" })
	void linksShouldComeFromTheConfiguredBaseUrlWhateverTheHostHeaderSays(String path) {
		String target = path + organization.replace(" ", "+");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> new CatalogHttp(this.port)
				.get("/api/v1/records?organization=" + organization.replace(" ", "+"))
				.getBody()
				.split("\"id\"").length > 2);

		String answer = rawGet(target, "Host: " + FORGED, "X-Forwarded-Host: " + FORGED, "X-Forwarded-Proto: gopher",
				"Forwarded: host=" + FORGED);

		assertThat(answer).startsWith("HTTP/1.1 200");
		assertThat(answer).doesNotContain(FORGED).doesNotContain("gopher:");
		assertThat(answer).contains(CatalogHttp.PUBLIC_BASE_URL + "/");
	}

	/**
	 * A GET over a plain socket: HTTP clients of the JDK refuse to send a Host header of
	 * the caller's choosing.
	 */
	private String rawGet(String target, String... headers) {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
