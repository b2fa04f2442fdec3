package dev.herald.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.herald.localstack.test.HeraldInfrastructure;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the catalog against the test infrastructure (an in-JVM Kafka broker and
 * MongoDB-protocol server, or containers where Docker is available), with the contract's
 * example records published, for trying it out from an IDE or with
 * {@code ./mvnw -pl catalog-service spring-boot:test-run}. Then open
 * {@code http://localhost:8082/records}.
 */
public final class TestCatalogApplication {

	private TestCatalogApplication() {
	}

	public static void main(String[] args) {
		HeraldInfrastructure infrastructure = HeraldInfrastructure.get();
		List<String> arguments = new ArrayList<>(
				List.of("--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
						"--spring.mongodb.uri=" + infrastructure.mongoUri()));
		arguments.addAll(Arrays.asList(args));
		ConfigurableApplicationContext context = SpringApplication.from(CatalogApplication::main)
			.run(arguments.toArray(String[]::new))
			.getApplicationContext();
		if (context.isActive()) {
			try (KafkaTestClient kafka = new KafkaTestClient(infrastructure)) {
				TestRecords.validExamples().forEach((example) -> kafka.publish(TestRecords.json(example)));
			}
		}
	}

}
