package dev.herald.localstack.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = HeraldInfrastructureIntegrationTests.TinyApplication.class,
		properties = "spring.mongodb.database=herald-test")
@EnableHeraldInfrastructure
class HeraldInfrastructureIntegrationTests {

	private final HeraldInfrastructure infra = HeraldInfrastructure.get();

	@Autowired
	private Environment environment;

	@Autowired
	private MongoClient mongoClient;

	@Test
	void contextShouldGetTheConnectionPropertiesOfTheRunningServers() {
		assertThat(this.environment.getProperty("spring.kafka.bootstrap-servers"))
			.isEqualTo(this.infra.kafkaBootstrapServers());
		assertThat(this.environment.getProperty("spring.mongodb.uri")).isEqualTo(this.infra.mongoUri());
		assertThat(this.environment.getProperty("spring.mail.host")).isEqualTo(this.infra.smtpHost());
		assertThat(this.environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(this.infra.smtpPort());
		assertThat(this.infra.mongoUri()).startsWith("mongodb://").doesNotEndWith("/");
	}

	@Test
	void getShouldReturnTheSameServersEveryTime() {
		assertThat(HeraldInfrastructure.get()).isSameAs(this.infra).isSameAs(HeraldInfrastructure.get());
	}

	@Test
	void kindShouldBeTheChosenOneAndEmbeddedShouldSupportOutages() {
		assertThat(this.infra.kind()).isEqualTo(HeraldInfrastructure.chosenKind());
		if (HeraldInfrastructure.EMBEDDED.equals(this.infra.kind())) {
			assertThat(this.infra.supportsOutages()).isTrue();
		}
	}

	@Test
	void recordsTopicShouldExistWithSixPartitionsAndCreateTopicShouldAddOne() throws Exception {
		String topic = "herald.test." + UUID.randomUUID();
		this.infra.createTopic(topic, 2);

		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infra.kafkaBootstrapServers()))) {
			Map<String, TopicDescription> topics = admin.describeTopics(List.of("herald.records.v1", topic))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS);
			assertThat(topics.get("herald.records.v1").partitions()).hasSize(6);
			assertThat(topics.get(topic).partitions()).hasSize(2);
		}
	}

	@Test
	void bootMongoClientShouldReachTheServer() {
		this.mongoClient.getDatabase("herald-test").getCollection("checks").insertOne(new Document("ok", true));

		assertThat(this.mongoClient.getDatabase("herald-test").getCollection("checks").countDocuments()).isPositive();
	}

	@Test
	void receivedMessagesShouldReturnWhatWasSentUntilPurged() throws Exception {
		this.infra.purgeMessages();
		send("first");
		send("second");

		List<MimeMessage> messages = await().atMost(Duration.ofSeconds(10))
			.until(this.infra::receivedMessages, (received) -> received.size() == 2);
		assertThat(messages.get(0).getSubject()).isEqualTo("first");
		assertThat(messages.get(1).getSubject()).isEqualTo("second");

		this.infra.purgeMessages();
		assertThat(this.infra.receivedMessages()).isEmpty();
	}

	@Test
	void startKafkaAfterStopKafkaShouldServeOnTheSameAddress() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(this.infra.supportsOutages());
		String address = this.infra.kafkaBootstrapServers();

		this.infra.stopKafka();
		this.infra.startKafka();

		assertThat(this.infra.kafkaBootstrapServers()).isEqualTo(address);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address))) {
			assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("herald.records.v1");
		}
	}

	@Test
	void startSmtpAfterStopSmtpShouldAcceptEmailsOnTheSamePort() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(this.infra.supportsOutages());
		int port = this.infra.smtpPort();
		this.infra.purgeMessages();

		this.infra.stopSmtp();
		this.infra.startSmtp();
		send("after restart");

		assertThat(this.infra.smtpPort()).isEqualTo(port);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.infra.receivedMessages().size() == 1);
	}

	private void send(String subject) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", this.infra.smtpHost());
		properties.put("mail.smtp.port", String.valueOf(this.infra.smtpPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("alerts@herald.example"));
		message.setRecipients(Message.RecipientType.TO, "reader@example.org");
		message.setSubject(subject, "UTF-8");
		message.setText("body", "UTF-8");
		Transport.send(message);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TinyApplication {

	}

}
