package dev.herald.localstack.mail;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SmtpServerTests {

	@Test
	void sendWhenEmailHasTwoRecipientsShouldKeepItOnceWithBothParts() throws Exception {
		try (SmtpServer server = new SmtpServer(0).start()) {
			TestEmails.sendMultipart(server.host(), server.port());

			await().atMost(Duration.ofSeconds(10)).until(() -> server.inbox().size() == 1);
			ReceivedEmail email = server.inbox().emails().get(0);
			assertThat(email.subject()).isEqualTo(TestEmails.SUBJECT);
			assertThat(email.from()).isEqualTo("alerts@herald.example");
			assertThat(email.to()).containsExactly("reader@example.org");
			assertThat(email.envelopeTo()).containsExactlyInAnyOrder("reader@example.org", "second@example.org");
			assertThat(email.text()).isEqualTo(TestEmails.TEXT);
			assertThat(email.html()).isEqualTo(TestEmails.HTML);
			assertThat(email.header("list-unsubscribe"))
				.containsExactly("<http://localhost:8083/unsubscribe?token=abc>");
			MimeMessage parsed = email.toMimeMessage();
			assertThat(parsed.getSubject()).isEqualTo(TestEmails.SUBJECT);
		}
	}

	@Test
	void startAfterStopShouldListenOnTheSamePortAndKeepTheInbox() throws Exception {
		try (SmtpServer server = new SmtpServer(0).start()) {
			TestEmails.sendMultipart(server.host(), server.port());
			await().atMost(Duration.ofSeconds(10)).until(() -> server.inbox().size() == 1);
			int port = server.port();

			server.stop();
			assertThat(server.isRunning()).isFalse();
			server.start();
			TestEmails.sendMultipart(server.host(), server.port());

			assertThat(server.port()).isEqualTo(port);
			await().atMost(Duration.ofSeconds(10)).until(() -> server.inbox().size() == 2);
			assertThat(server.inbox().mimeMessages()).hasSize(2);
		}
	}

	@Test
	void clearShouldEmptyTheInbox() throws Exception {
		try (SmtpServer server = new SmtpServer(0).start()) {
			TestEmails.sendMultipart(server.host(), server.port());
			await().atMost(Duration.ofSeconds(10)).until(() -> server.inbox().size() == 1);

			server.inbox().clear();

			assertThat(server.inbox().emails()).isEmpty();
		}
	}

}
