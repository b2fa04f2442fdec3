package dev.herald.ingest;

import java.util.Arrays;
import java.util.stream.Stream;

import dev.herald.localstack.test.HeraldInfrastructure;

import org.springframework.boot.SpringApplication;

/**
 * Starts the service against the test infrastructure (an embedded Kafka broker, or
 * containers where Docker runs), for trying it from an IDE or with
 * {@code ./mvnw -pl ingest-service spring-boot:test-run}. It listens on port 8081 and
 * accepts the development key {@code dev-key-change-me}.
 */
public class TestIngestApplication {

	public static void main(String[] args) {
		HeraldInfrastructure infrastructure = HeraldInfrastructure.get();
		String[] withKafka = Stream
			.concat(Stream.of("--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers()),
					Arrays.stream(args))
			.toArray(String[]::new);
		SpringApplication.from(IngestApplication::main).run(withKafka);
	}

}
