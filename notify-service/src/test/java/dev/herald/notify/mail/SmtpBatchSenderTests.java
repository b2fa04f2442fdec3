package dev.herald.notify.mail;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpBatchSenderTests {

	private final ScriptedSmtpServer server;

	SmtpBatchSenderTests() throws Exception {
		this.server = new ScriptedSmtpServer();
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
	}

	@Test
	void sendShouldUseOneConnectionAndClassifyEachReply() throws Exception {
		List<SendResult> results = new ArrayList<>();
		sender(this.server.port()).send(List.of(message("ok1@example.org"), message("bounce@example.org"),
				message("busy@example.org"), message("ok2@example.org")), results::add);
		assertThat(results).extracting(SendResult::outcome)
			.containsExactly(SendResult.Outcome.SENT, SendResult.Outcome.PERMANENT, SendResult.Outcome.TRANSIENT,
					SendResult.Outcome.SENT);
		assertThat(results).extracting(SendResult::index).containsExactly(0, 1, 2, 3);
		assertThat(results.get(1).reply()).contains("550", "User unknown");
		assertThat(results.get(2).reply()).contains("451", "try again later");
		assertThat(this.server.delivered()).containsExactly("ok1@example.org", "ok2@example.org");
		assertThat(this.server.connections()).isEqualTo(1);
	}

	@Test
	void sendWhenTheServerIsDownShouldReportTheFirstAsTransientAndStop() throws Exception {
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = probe.getLocalPort();
		}
		List<SendResult> results = new ArrayList<>();
		sender(closedPort).send(List.of(message("ok1@example.org"), message("ok2@example.org")), results::add);
		assertThat(results).singleElement().satisfies((result) -> {
			assertThat(result.index()).isZero();
			assertThat(result.outcome()).isEqualTo(SendResult.Outcome.TRANSIENT);
			assertThat(result.reply()).isNotBlank();
		});
	}

	private static SmtpBatchSender sender(int port) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		mail.getJavaMailProperties().put("mail.smtp.timeout", "2000");
		return new SmtpBatchSender(mail);
	}

	private static MimeMessage message(String to) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
		message.setFrom(new InternetAddress("alerts@herald.test"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject("test");
		message.setText("body");
		message.saveChanges();
		return message;
	}

}
