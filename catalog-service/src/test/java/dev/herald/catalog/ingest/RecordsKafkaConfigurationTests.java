package dev.herald.catalog.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.herald.catalog.CatalogProperties;
import dev.herald.contracts.ContractViolation;
import dev.herald.platform.tracing.RecordSpans;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * What the catalog's error handler does with a failed record: only a contract violation
 * goes to the dead-letter topic; a store failure of any other kind (a full disk, a rule
 * refusing every write, an unreachable server) is retried for as long as it lasts, so
 * consumption pauses instead of dead-lettering every record that follows.
 */
class RecordsKafkaConfigurationTests {

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<String, Object> template = mock(KafkaTemplate.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DefaultErrorHandler handler = new RecordsKafkaConfiguration().recordsErrorHandler(this.template,
			properties(), new CatalogMetrics(this.meters), RecordSpans.none());

	private final ConsumerRecord<String, Object> record = new ConsumerRecord<>("herald.records.v1", 0, 7, "id-1", "{}");

	@Test
	void aStoreFailureThatIsNotAnOutageShouldNeverBeDeadLettered() {
		for (int attempt = 0; attempt < 200; attempt++) {
			assertThat(handle(new RecordStoreException("id-1", "No space left on device"))).as("attempt %d", attempt)
				.isFalse();
		}
		then(this.template).should(never()).send(any(org.apache.kafka.clients.producer.ProducerRecord.class));
		assertThat(this.meters.counter("herald.catalog.deadlettered").count()).isZero();
	}

	@Test
	void anOutageShouldNeverBeDeadLettered() {
		for (int attempt = 0; attempt < 200; attempt++) {
			assertThat(handle(new DataAccessResourceFailureException("down"))).isFalse();
		}
		then(this.template).should(never()).send(any(org.apache.kafka.clients.producer.ProducerRecord.class));
	}

	@Test
	void aContractViolationShouldBeDeadLetteredAtOnce() {
		given(this.template.send(any(org.apache.kafka.clients.producer.ProducerRecord.class)))
			.willReturn(CompletableFuture.completedFuture(null));

		assertThat(handle(ContractViolation.noValue())).isTrue();

		then(this.template).should().send(any(org.apache.kafka.clients.producer.ProducerRecord.class));
		assertThat(this.meters.counter("herald.catalog.deadlettered").count()).isOne();
	}

	private boolean handle(Exception failure) {
		return this.handler.handleOne(failure, this.record, mock(Consumer.class), mock(MessageListenerContainer.class));
	}

	private static CatalogProperties properties() {
		Duration instant = Duration.ofMillis(1);
		return new CatalogProperties("herald.records.v1",
				new CatalogProperties.DeadLetter("herald.records.v1.catalog-service.dlt", 1, (short) 1),
				new CatalogProperties.OutageRetry(instant, 1.0, instant), new CatalogProperties.Paging(20, 100, 50),
				Duration.ofSeconds(2), Duration.ofSeconds(5), URI.create("http://localhost:8082"),
				Duration.ofSeconds(2), Duration.ofSeconds(30), 8);
	}

}
