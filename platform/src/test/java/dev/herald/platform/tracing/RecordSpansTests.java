package dev.herald.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spans of records, drawn by the OpenTelemetry bridge the services run and read back
 * from an in-memory exporter.
 */
class RecordSpansTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String PRODUCER = "00f067aa0ba902b7";

	private final InMemorySpanExporter exported = InMemorySpanExporter.create();

	private final SdkTracerProvider provider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.exported))
		.build();

	private final io.opentelemetry.api.trace.Tracer otel = this.provider.get("test");

	private final Tracer tracer = new OtelTracer(this.otel, new OtelCurrentTraceContext(), (event) -> {
	});

	private final RecordSpans spans = new RecordSpans(this.tracer,
			new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), this.otel));

	@AfterEach
	void close() {
		this.provider.close();
	}

	@Test
	void aConsumedRecordsSpanShouldBeAChildOfItsProducersSpan() {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("herald.records.v1", 2, 41, "record-1", "{}");
		record.headers().add("traceparent", ("00-" + TRACE + "-" + PRODUCER + "-01").getBytes(StandardCharsets.UTF_8));

		RecordSpans.end(this.spans.consumed("herald.catalog.store", List.of(record)), null);

		SpanData span = only();
		assertThat(span.getName()).isEqualTo("herald.catalog.store");
		assertThat(span.getTraceId()).isEqualTo(TRACE);
		assertThat(span.getParentSpanId()).isEqualTo(PRODUCER);
		assertThat(span.getAttributes().asMap().toString()).contains("messaging.kafka.message.key=record-1");
	}

	@Test
	void theSendOfARequestsRecordsShouldBeOneProducerSpanInTheRequestsTraceWhoseContextEachRecordCarries() {
		Span request = this.tracer.nextSpan().name("http post /api/v1/records/batch").start();
		Span send;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(request)) {
			send = this.spans.sending("herald.records.v1", 100);
		}
		String carried = this.spans.traceParent(send);
		send.end();
		request.end();

		SpanData span = this.exported.getFinishedSpanItems()
			.stream()
			.filter((data) -> data.getName().equals("herald.records.v1 send"))
			.findFirst()
			.orElseThrow();
		assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
		assertThat(span.getTraceId()).isEqualTo(request.context().traceId());
		assertThat(span.getParentSpanId()).isEqualTo(request.context().spanId());
		assertThat(span.getAttributes().asMap().toString()).contains("messaging.batch.message_count=100")
			.contains("messaging.destination.name=herald.records.v1");
		assertThat(carried).isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01");
	}

	@Test
	void theSendOfOneRecordShouldBeAChildOfItsKeptMatch() {
		Span match = this.tracer.nextSpan().name("herald.notify.match").start();
		String kept = this.spans.traceParent(match);
		match.end();
		this.exported.reset();

		this.spans.forRecords("herald.notify.send", List.of(kept)).end();

		SpanData send = only();
		assertThat(kept).startsWith("00-" + match.context().traceId() + "-" + match.context().spanId());
		assertThat(send.getTraceId()).isEqualTo(match.context().traceId());
		assertThat(send.getParentSpanId()).isEqualTo(match.context().spanId());
		assertThat(send.getLinks()).isEmpty();
	}

	@Test
	void theSendOfADigestShouldStartATraceLinkingEveryRecordsMatch() {
		Span first = this.tracer.nextSpan().name("herald.notify.match").start();
		Span second = this.tracer.nextSpan().name("herald.notify.match").start();
		List<String> kept = List.of(this.spans.traceParent(first), this.spans.traceParent(second));
		first.end();
		second.end();
		this.exported.reset();

		this.spans.forRecords("herald.notify.send", kept).end();

		SpanData digest = only();
		assertThat(digest.getTraceId()).isNotIn(first.context().traceId(), second.context().traceId());
		assertThat(digest.getParentSpanId()).isEqualTo("0000000000000000");
		assertThat(digest.getLinks()).extracting((LinkData link) -> link.getSpanContext().getSpanId())
			.containsExactlyInAnyOrder(first.context().spanId(), second.context().spanId());
	}

	@Test
	void aFailureShouldMarkEverySpanOfTheBatch() {
		ConsumerRecord<String, String> one = new ConsumerRecord<>("t", 0, 1, "a", "{}");
		ConsumerRecord<String, String> two = new ConsumerRecord<>("t", 0, 2, "b", "{}");

		RecordSpans.end(this.spans.consumed("herald.notify.match", List.of(one, two)),
				new IllegalStateException("down"));

		assertThat(this.exported.getFinishedSpanItems()).hasSize(2)
			.allSatisfy((span) -> assertThat(span.getStatus().getStatusCode().name()).isEqualTo("ERROR"));
	}

	@Test
	void aBatchOfOneRecordShouldRunInThatRecordsSpan() {
		ConsumerRecord<String, String> record = traced(new ConsumerRecord<>("t", 0, 7, "a", "{}"));
		String current;
		try (BatchSpans batch = this.spans.batch("herald.catalog.store", List.of(record))) {
			current = this.tracer.currentSpan().context().spanId();
			assertThat(batch.records()).hasSize(1);
		}

		SpanData span = only();
		assertThat(span.getSpanId()).isEqualTo(current);
		assertThat(span.getTraceId()).isEqualTo(TRACE);
		assertThat(this.tracer.currentSpan()).isNull();
	}

	@Test
	void aBatchOfSeveralRecordsShouldRunInASpanLinkingEachRecordsSpan() {
		ConsumerRecord<String, String> one = traced(new ConsumerRecord<>("t", 0, 1, "a", "{}"));
		ConsumerRecord<String, String> two = new ConsumerRecord<>("t", 0, 2, "b", "{}");
		String current;
		try (BatchSpans batch = this.spans.batch("herald.catalog.store", List.of(one, two))) {
			current = this.tracer.currentSpan().context().spanId();
			batch.failed(new IllegalStateException("down"));
		}

		List<SpanData> ended = this.exported.getFinishedSpanItems();
		assertThat(ended).hasSize(3)
			.allSatisfy((span) -> assertThat(span.getStatus().getStatusCode().name()).isEqualTo("ERROR"));
		SpanData batch = ended.stream().filter((span) -> span.getSpanId().equals(current)).findFirst().orElseThrow();
		assertThat(batch.getName()).isEqualTo("herald.catalog.store.batch");
		assertThat(batch.getParentSpanId()).isEqualTo("0000000000000000");
		assertThat(batch.getLinks()).extracting((LinkData link) -> link.getSpanContext().getSpanId())
			.containsExactlyInAnyOrderElementsOf(ended.stream()
				.filter((span) -> span.getName().equals("herald.catalog.store"))
				.map(SpanData::getSpanId)
				.toList());
		assertThat(ended).filteredOn((span) -> span.getTraceId().equals(TRACE)).hasSize(1);
	}

	@Test
	void theRecordsOfOneSendShouldShareOneSpanAChildOfThatSend() {
		List<ConsumerRecord<String, String>> sent = List.of(traced(new ConsumerRecord<>("t", 0, 1, "a", "{}")),
				traced(new ConsumerRecord<>("t", 1, 5, "b", "{}")), traced(new ConsumerRecord<>("t", 0, 2, "c", "{}")));
		String current;
		List<Span> perRecord;
		try (BatchSpans batch = this.spans.batch("herald.catalog.store", sent)) {
			current = this.tracer.currentSpan().context().spanId();
			perRecord = batch.records();
		}

		SpanData span = only();
		assertThat(span.getSpanId()).isEqualTo(current);
		assertThat(span.getTraceId()).isEqualTo(TRACE);
		assertThat(span.getParentSpanId()).isEqualTo(PRODUCER);
		assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
		assertThat(span.getAttributes().asMap().toString()).contains("messaging.batch.message_count=3");
		assertThat(perRecord).hasSize(3)
			.allSatisfy((record) -> assertThat(record.context().spanId()).isEqualTo(current));
	}

	@Test
	void recordsOfSeveralSendsShouldHaveASpanPerSendLinkedByTheBatchsSpan() {
		String otherProducer = "00f067aa0ba902b8";
		ConsumerRecord<String, String> first = traced(new ConsumerRecord<>("t", 0, 1, "a", "{}"));
		ConsumerRecord<String, String> second = new ConsumerRecord<>("t", 0, 2, "b", "{}");
		second.headers()
			.add("traceparent", ("00-" + TRACE + "-" + otherProducer + "-01").getBytes(StandardCharsets.UTF_8));
		ConsumerRecord<String, String> third = traced(new ConsumerRecord<>("t", 0, 3, "c", "{}"));
		List<Span> perRecord;
		try (BatchSpans batch = this.spans.batch("herald.catalog.store", List.of(first, second, third))) {
			perRecord = batch.records();
		}

		List<SpanData> ended = this.exported.getFinishedSpanItems();
		assertThat(ended).extracting(SpanData::getName)
			.containsExactlyInAnyOrder("herald.catalog.store", "herald.catalog.store", "herald.catalog.store.batch");
		assertThat(ended).filteredOn((span) -> span.getName().equals("herald.catalog.store"))
			.extracting(SpanData::getParentSpanId)
			.containsExactlyInAnyOrder(PRODUCER, otherProducer);
		assertThat(perRecord.get(0).context().spanId()).isEqualTo(perRecord.get(2).context().spanId())
			.isNotEqualTo(perRecord.get(1).context().spanId());
	}

	@Test
	void workForOneRecordShouldRunInASpanContinuingItsTrace() {
		ConsumerRecord<String, String> record = traced(new ConsumerRecord<>("t", 0, 9, "a", "{}"));
		String[] current = new String[1];

		this.spans.forRecord("herald.catalog.dead-letter", record,
				() -> current[0] = this.tracer.currentSpan().context().traceId());

		SpanData span = only();
		assertThat(current[0]).isEqualTo(TRACE);
		assertThat(span.getName()).isEqualTo("herald.catalog.dead-letter");
		assertThat(span.getParentSpanId()).isEqualTo(PRODUCER);
	}

	@Test
	void aBatchOfNoRecordShouldTraceNothing() {
		try (BatchSpans batch = this.spans.batch("herald.catalog.store", List.of())) {
			assertThat(batch.records()).isEmpty();
			assertThat(this.tracer.currentSpan()).isNull();
		}
		assertThat(this.exported.getFinishedSpanItems()).isEmpty();
	}

	private static ConsumerRecord<String, String> traced(ConsumerRecord<String, String> record) {
		record.headers().add("traceparent", ("00-" + TRACE + "-" + PRODUCER + "-01").getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private SpanData only() {
		assertThat(this.exported.getFinishedSpanItems()).hasSize(1);
		return this.exported.getFinishedSpanItems().get(0);
	}

}
