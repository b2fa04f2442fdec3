package dev.herald.ingest.kafka;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link KafkaConfiguration}: the producer its records template accepts.
 */
class KafkaConfigurationTests {

	private static final Map<String, Object> DURABLE = Map.of("acks", "all", "enable.idempotence", true,
			"delivery.timeout.ms", 6000);

	@Test
	void checkProducerWhenDurableAndBoundedShouldPass() {
		assertThatNoException().isThrownBy(() -> KafkaConfiguration.checkProducer(DURABLE, Duration.ofSeconds(8)));
	}

	@Test
	void checkProducerWhenAcksIsOneShouldFail() {
		assertThatIllegalStateException().isThrownBy(() -> KafkaConfiguration.checkProducer(
				Map.of("acks", "1", "enable.idempotence", true, "delivery.timeout.ms", 6000), Duration.ofSeconds(8)))
			.withMessageContaining("acks=all");
	}

	@Test
	void checkProducerWhenIdempotenceIsOffShouldFail() {
		assertThatIllegalStateException().isThrownBy(() -> KafkaConfiguration.checkProducer(
				Map.of("acks", "all", "enable.idempotence", "false", "delivery.timeout.ms", 6000),
				Duration.ofSeconds(8)));
	}

	@Test
	void checkProducerWhenRequestsWaitLessThanTheProducerRetriesShouldFail() {
		assertThatIllegalStateException()
			.isThrownBy(() -> KafkaConfiguration.checkProducer(DURABLE, Duration.ofSeconds(6)))
			.withMessageContaining("delivery.timeout.ms");
		assertThatIllegalStateException()
			.isThrownBy(() -> KafkaConfiguration.checkProducer(Map.of("acks", "all"), Duration.ofSeconds(8)))
			.withMessageContaining("120000");
	}

}
