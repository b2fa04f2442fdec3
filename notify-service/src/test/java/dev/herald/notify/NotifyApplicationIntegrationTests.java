package dev.herald.notify;

import java.time.Duration;
import java.util.UUID;

import dev.herald.localstack.test.HeraldInfrastructure;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service starts against real infrastructure: its mail sender reaches the SMTP
 * server, its health groups report Kafka, MongoDB and mail, and it documents its API.
 */
@NotifyIntegrationTest
class NotifyApplicationIntegrationTests {

	private final HeraldInfrastructure infra = HeraldInfrastructure.get();

	private final Mailbox mailbox = new Mailbox(this.infra);

	@Autowired
	private JavaMailSender mailSender;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void mailSenderShouldDeliverToTheSmtpServer() {
		String to = "smoke-" + UUID.randomUUID() + "@example.org";
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("alerts@herald.localhost");
		message.setTo(to);
		message.setSubject("Connection check");
		message.setText("Hello from notify-service");
		this.mailSender.send(message);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.to(to).size() == 1);
		MimeMessage received = this.mailbox.to(to).get(0);
		assertThat(Mailbox.subjectOf(received)).isEqualTo("Connection check");
	}

	@Test
	void readinessShouldIncludeKafkaMongoAndMail() {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk()
				.bodyJson()
				.extractingPath("$.status")
				.isEqualTo("UP"));
		var readiness = assertThat(this.mvc.get().uri("/actuator/health/readiness")).bodyJson();
		readiness.extractingPath("$.components.readinessState.status").isEqualTo("UP");
		readiness.extractingPath("$.components.kafka.status").isEqualTo("UP");
		readiness.extractingPath("$.components.mongo.status").isEqualTo("UP");
		readiness.extractingPath("$.components.mail.status").isEqualTo("UP");
		assertThat(this.mvc.get().uri("/actuator/health/liveness")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void apiShouldBeDocumentedAndMetricsExposed() {
		assertThat(this.mvc.get().uri("/v3/api-docs")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths")
			.asMap()
			.containsKeys("/api/v1/subscriptions", "/api/v1/subscriptions/me", "/api/v1/admin/deliveries",
					"/api/v1/admin/stats");
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.OK)
			.bodyText()
			.contains("herald_notify_outbox_emails", "herald_notify_emails_sent_total", "herald_notify_matches",
					"herald_notify_send_latency_seconds");
	}

}
