package dev.herald.notify;

import java.util.Arrays;
import java.util.stream.Stream;

import dev.herald.localstack.test.HeraldInfrastructure;

import org.springframework.boot.SpringApplication;

/**
 * Starts the service against the test infrastructure (an embedded Kafka broker,
 * MongoDB-protocol server and SMTP server, or containers where Docker runs), for trying
 * it from an IDE or with {@code ./mvnw -pl notify-service spring-boot:test-run}. It
 * listens on port 8083; the subscribe form is at {@code /subscribe}.
 */
public class TestNotifyApplication {

	public static void main(String[] args) {
		HeraldInfrastructure infrastructure = HeraldInfrastructure.get();
		infrastructure.createTopic("herald.records.v1", 6);
		String[] withInfrastructure = Stream
			.concat(Stream.of("--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
					"--spring.mongodb.uri=" + infrastructure.mongoUri(),
					"--spring.mail.host=" + infrastructure.smtpHost(),
					"--spring.mail.port=" + infrastructure.smtpPort()), Arrays.stream(args))
			.toArray(String[]::new);
		SpringApplication.from(NotifyApplication::main).run(withInfrastructure);
	}

}
