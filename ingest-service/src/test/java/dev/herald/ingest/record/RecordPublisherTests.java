package dev.herald.ingest.record;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.herald.ingest.IngestMetrics;
import dev.herald.ingest.IngestProperties;
import dev.herald.platform.tracing.RecordSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

/**
 * Tests for {@link RecordPublisher}: the producer it accepts, the messages it builds and
 * how it reports deliveries. Kafka itself is exercised by the integration tests.
 */
class RecordPublisherTests {

	private static final IngestProperties properties = new IngestProperties("herald.records.v1", 6,
			URI.create("http://localhost:8082"), URI.create("/herald/ingest-service"), null, List.of(),
			new IngestProperties.Limits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(16), 1000, 32),
			new IngestProperties.Publishing(Duration.ofSeconds(8), Duration.ofSeconds(5)));

	private final MeterRegistry meters = new SimpleMeterRegistry();

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);

	private RecordPublisher publisher;

	@BeforeEach
	void publisher() {
		this.publisher = new RecordPublisher(this.kafka, new EventJson(), properties, new IngestMetrics(this.meters),
				RecordSpans.none());
	}

	@Test
	@SuppressWarnings("unchecked")
	void publishShouldSendTheEventKeyedByIdWithCloudEventsHeaders() {
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(CompletableFuture.completedFuture(null));
		PublishedRecord event = event();
		List<Delivery> deliveries = this.publisher.publish(List.of(event));
		assertThat(deliveries).containsExactly(Delivery.ACKNOWLEDGED);
		ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
		then(this.kafka).should().send(sent.capture());
		ProducerRecord<String, byte[]> message = sent.getValue();
		assertThat(message.topic()).isEqualTo("herald.records.v1");
		assertThat(message.key()).isEqualTo(event.id().toString());
		assertThat(new String(message.value(), StandardCharsets.UTF_8)).contains("\"title\":\"Заседание\"")
			.contains("\"publishedAt\":\"2023-11-13T16:20:31.512Z\"")
			.doesNotContain("participants")
			.doesNotContain("null");
		assertThat(header(message, "ce_id")).isEqualTo(event.id().toString());
		assertThat(header(message, "ce_type")).isEqualTo("dev.herald.record.published.v1");
		assertThat(header(message, "ce_source")).isEqualTo("/herald/ingest-service");
		assertThat(header(message, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(message, "ce_time")).isEqualTo("2023-11-13T16:20:31.512Z");
		assertThat(header(message, "content-type")).isEqualTo("application/json");
		assertThat(this.meters.get("herald.ingest.records.accepted").counter().count()).isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void publishWhenMetadataCannotBeFetchedShouldNotTryTheRemainingRecords() {
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(
				CompletableFuture.failedFuture(new KafkaException("Send failed", new TimeoutException("metadata"))));
		List<Delivery> deliveries = this.publisher.publish(List.of(event(), event(), event()));
		assertThat(deliveries).extracting(Delivery::acknowledged).containsExactly(false, false, false);
		then(this.kafka).should(times(1)).send(any(ProducerRecord.class));
		assertThat(this.meters.get("herald.ingest.records.accepted").counter().count()).isZero();
		assertThat(this.meters.get("herald.ingest.publish.latency").tag("outcome", "failed").timer().count())
			.isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void publishWhenOneRecordFailsOtherwiseShouldStillSendTheOthers() {
		given(this.kafka.send(any(ProducerRecord.class)))
			.willReturn(CompletableFuture.failedFuture(new KafkaException("too large")))
			.willReturn(CompletableFuture.completedFuture(null));
		List<Delivery> deliveries = this.publisher.publish(List.of(event(), event()));
		assertThat(deliveries).extracting(Delivery::acknowledged).containsExactly(false, true);
		then(this.kafka).should(times(2)).send(any(ProducerRecord.class));
	}

	@Test
	@SuppressWarnings("unchecked")
	void publishWhenTemplateThrowsShouldReportTheRecordAsNotAcknowledged() {
		given(this.kafka.send(any(ProducerRecord.class))).willThrow(new KafkaException("closed"));
		assertThat(this.publisher.publish(List.of(event()))).extracting(Delivery::acknowledged).containsExactly(false);
	}

	private static PublishedRecord event() {
		return new PublishedRecord(UUID.randomUUID(), "MEETING", "Заседание", "Summary", null, "2023-11-13", null,
				"ОДКБ", List.of(), null, List.of(), List.of("information-security"), "ru", null,
				Instant.parse("2023-11-13T16:20:31.512Z"), "press-office");
	}

	private static String header(ProducerRecord<String, byte[]> message, String name) {
		return new String(message.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
