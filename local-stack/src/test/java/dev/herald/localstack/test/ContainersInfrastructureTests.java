package dev.herald.localstack.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The containers kind, started on its own (the JVM-wide instance may be embedded);
 * skipped where Docker is missing.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersInfrastructureTests {

	private static ContainersInfrastructure infra;

	private static boolean own;

	@BeforeAll
	static void start() {
		own = !HeraldInfrastructure.CONTAINERS.equals(HeraldInfrastructure.chosenKind());
		infra = own ? ContainersInfrastructure.start() : (ContainersInfrastructure) HeraldInfrastructure.get();
	}

	@AfterAll
	static void stop() {
		if (own) {
			infra.shutdown();
		}
	}

	@Test
	void recordsTopicShouldHaveSixPartitions() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
			assertThat(admin.describeTopics(List.of("herald.records.v1"))
				.allTopicNames()
				.get(60, TimeUnit.SECONDS)
				.get("herald.records.v1")
				.partitions()).hasSize(6);
		}
	}

	@Test
	void mongoUriShouldReachMongoDb() {
		try (MongoClient client = MongoClients.create(infra.mongoUri())) {
			client.getDatabase("catalog").getCollection("records").insertOne(new Document("_id", "r-1"));
			assertThat(client.getDatabase("catalog").getCollection("records").countDocuments()).isEqualTo(1);
		}
	}

	@Test
	void receivedMessagesShouldReturnEmailsFromMailpit() throws Exception {
		infra.purgeMessages();
		Properties properties = new Properties();
		properties.put("mail.smtp.host", infra.smtpHost());
		properties.put("mail.smtp.port", String.valueOf(infra.smtpPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("alerts@herald.example"));
		message.setRecipients(Message.RecipientType.TO, "reader@example.org");
		message.setSubject("Заседание Совета", "UTF-8");
		message.setText("body", "UTF-8");
		Transport.send(message);

		List<MimeMessage> messages = await().atMost(Duration.ofSeconds(30))
			.until(infra::receivedMessages, (received) -> received.size() == 1);
		assertThat(messages.get(0).getSubject()).isEqualTo("Заседание Совета");

		infra.purgeMessages();
		assertThat(infra.receivedMessages()).isEmpty();
	}

	@Test
	void containersShouldIgnoreStopRequestsUntilTheJvmEnds() {
		infra.kafkaContainer().stop();
		infra.mongoContainer().stop();

		assertThat(infra.kafkaContainer().isRunning()).isTrue();
		assertThat(infra.mongoContainer().isRunning()).isTrue();
	}

	@Test
	void outagesShouldSkipTheTest() {
		assertThat(infra.supportsOutages()).isFalse();
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(infra::stopKafka);
	}

}
