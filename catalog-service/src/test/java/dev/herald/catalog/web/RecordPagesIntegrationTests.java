package dev.herald.catalog.web;

import java.time.Duration;

import dev.herald.catalog.CatalogHttp;
import dev.herald.catalog.CatalogIntegrationTest;
import dev.herald.catalog.KafkaTestClient;
import dev.herald.catalog.TestRecords;
import dev.herald.localstack.test.HeraldInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTML pages over records consumed from Kafka.
 */
@CatalogIntegrationTest
class RecordPagesIntegrationTests {

	private static KafkaTestClient kafka;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void connect() {
		kafka = new KafkaTestClient(HeraldInfrastructure.get());
	}

	@AfterAll
	static void disconnect() {
		kafka.close();
	}

	@Test
	void recordWhoseTitleHoldsAScriptShouldRenderItAsText() {
		String organization = TestRecords.uniqueOrganization();
		ObjectNode event = TestRecords.meeting(organization);
		event.put("title", "<script>alert('title')</script> Council meeting");
		event.put("summary", "<img src=x onerror=alert(1)> & summary");
		event.putArray("participants").add("<b>Minister</b>");
		String id = event.get("id").asString();
		kafka.publish(event);
		CatalogHttp http = new CatalogHttp(this.port);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> http.get("/records/" + id).getStatusCode().is2xxSuccessful());
		ResponseEntity<String> page = http.get("/records/" + id);
		assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
		assertThat(page.getBody()).doesNotContain("<script>", "<img", "<b>Minister")
			.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Council meeting")
			.contains("&lt;img src=x onerror=alert(1)&gt; &amp; summary")
			.contains("&lt;b&gt;Minister&lt;/b&gt;")
			.contains("<title>&lt;script&gt;");
		String listing = http.get("/records?organization=" + organization).getBody();
		assertThat(listing).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
		assertThat(listing).contains("href=\"/records/" + id + "\"");
	}

	@Test
	void unknownRecordShouldAnswer404Page() {
		ResponseEntity<String> page = new CatalogHttp(this.port).get("/records/00000000-0000-0000-0000-000000000000");
		assertThat(page.getStatusCode().value()).isEqualTo(404);
		assertThat(page.getBody()).contains("Record not found");
	}

}
