package dev.herald.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The spans of a record's path through Kafka, where the framework cannot draw them: one
 * span per send of many records (not one per record), one span per send among the records
 * of a batch listener's call, continuing the trace of the producer that sent them (their
 * W3C {@code traceparent} header), and the spans of work done later for a record, started
 * from a {@code traceparent} kept with it (a child of one record's span, or a new span
 * linking several records' spans, as a digest carrying many records).
 */
public class RecordSpans {

	/** The Kafka header of a record's W3C trace context. */
	public static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	/**
	 * Spans of the given tracer.
	 * @param tracer the tracer
	 * @param propagator the propagator of trace context (W3C)
	 */
	public RecordSpans(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Spans that trace nothing, for code run without tracing (unit tests).
	 * @return the spans
	 */
	public static RecordSpans none() {
		return new RecordSpans(Tracer.NOOP, Propagator.NOOP);
	}

	/**
	 * Starts the span of a consumed record, a child of its producer's span.
	 * @param name the span's name
	 * @param record the record
	 * @return the started span
	 */
	public Span consumed(String name, ConsumerRecord<?, ?> record) {
		return startConsumer(name, record).tag("messaging.kafka.message.key", String.valueOf(record.key()))
			.tag("messaging.kafka.partition", String.valueOf(record.partition()))
			.tag("messaging.kafka.offset", String.valueOf(record.offset()));
	}

	/**
	 * Starts the spans of the records of a batch, one each.
	 * @param name the spans' name
	 * @param records the records
	 * @return the started spans, in the records' order
	 */
	public List<Span> consumed(String name, List<? extends ConsumerRecord<?, ?>> records) {
		return records.stream().map((record) -> consumed(name, record)).toList();
	}

	/**
	 * Starts the spans of one call of a batch listener: one span per send among its
	 * records (the records that carry the same {@code traceparent}, as the records of one
	 * request to ingest do, or that carry none), a child of that send's span. The call
	 * runs in the scope of that span when there is one, or of a new span of the batch
	 * ({@code <name>.batch}) linking each of them.
	 * @param name the records' spans' name
	 * @param records the records the call works on (none: nothing is traced)
	 * @return the spans, to close when the call ends
	 */
	public BatchSpans batch(String name, List<? extends ConsumerRecord<?, ?>> records) {
		// By trace context, "null" for none: the records of one send carry the same one.
		List<String> sendOf = records.stream().map((record) -> String.valueOf(header(record, TRACEPARENT))).toList();
		Map<String, List<ConsumerRecord<?, ?>>> sends = new LinkedHashMap<>();
		for (int i = 0; i < records.size(); i++) {
			sends.computeIfAbsent(sendOf.get(i), (send) -> new ArrayList<>()).add(records.get(i));
		}
		Map<String, Span> spans = new LinkedHashMap<>();
		sends.forEach((send, sent) -> spans.put(send, consumedTogether(name, sent)));
		List<Span> perRecord = sendOf.stream().map(spans::get).toList();
		List<Span> distinct = List.copyOf(spans.values());
		if (distinct.isEmpty()) {
			return new BatchSpans(perRecord, distinct, null, null);
		}
		if (distinct.size() == 1) {
			return new BatchSpans(perRecord, distinct, null, this.tracer.withSpan(distinct.get(0)));
		}
		Span.Builder builder = this.tracer.spanBuilder().name(name + ".batch").kind(Span.Kind.CONSUMER).setNoParent();
		distinct.forEach((span) -> builder.addLink(new Link(span.context())));
		Span batch = builder.start().tag("messaging.batch.message_count", String.valueOf(records.size()));
		return new BatchSpans(perRecord, distinct, batch, this.tracer.withSpan(batch));
	}

	/**
	 * Starts one span for records of one send: the record's own span for one record, or a
	 * span of them all, a child of the send's span, for several.
	 */
	private Span consumedTogether(String name, List<ConsumerRecord<?, ?>> records) {
		ConsumerRecord<?, ?> first = records.get(0);
		if (records.size() == 1) {
			return consumed(name, first);
		}
		return startConsumer(name, first).tag("messaging.batch.message_count", String.valueOf(records.size()));
	}

	/** Starts a consumer span, a child of the span that sent the record. */
	private Span startConsumer(String name, ConsumerRecord<?, ?> record) {
		return this.propagator.extract(record, RecordSpans::header)
			.name(name)
			.kind(Span.Kind.CONSUMER)
			.remoteServiceName("kafka")
			.start()
			.tag("messaging.destination.name", record.topic());
	}

	/**
	 * Starts the span of one send of records to a topic: a producer span, a child of the
	 * span in scope, however many records it carries. Each record then carries its
	 * {@link #traceParent(Span) trace context}, so that a consumer's span of each record
	 * is a child of it.
	 * @param topic the topic
	 * @param count how many records are sent
	 * @return the started span, to end when the broker has answered for every record
	 */
	public Span sending(String topic, int count) {
		return this.tracer.spanBuilder()
			.name(topic + " send")
			.kind(Span.Kind.PRODUCER)
			.remoteServiceName("kafka")
			.start()
			.tag("messaging.system", "kafka")
			.tag("messaging.operation.type", "send")
			.tag("messaging.destination.name", topic)
			.tag("messaging.batch.message_count", String.valueOf(count));
	}

	/**
	 * Runs work for one record, such as sending it to a dead-letter topic, in the scope
	 * of a span of that record (a child of its producer's span), so that its log lines
	 * and the messages it sends continue the record's trace.
	 * @param name the span's name
	 * @param record the record
	 * @param work the work
	 */
	public void forRecord(String name, ConsumerRecord<?, ?> record, Runnable work) {
		Span span = consumed(name, record);
		Throwable failure = null;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			work.run();
		}
		catch (RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			end(List.of(span), failure);
		}
	}

	/**
	 * Ends spans, marking them failed when the work failed.
	 * @param spans the spans
	 * @param failure what failed, or {@code null}
	 */
	public static void end(List<Span> spans, Throwable failure) {
		for (Span span : spans) {
			if (failure != null) {
				span.error(failure);
			}
			span.end();
		}
	}

	/**
	 * Starts the span of work for records kept earlier: a child of the one record's span,
	 * or, for several, a new trace linking each of them.
	 * @param name the span's name
	 * @param traceParents the {@code traceparent} kept with each record ({@code null}
	 * ones are left out)
	 * @return the started span
	 */
	public Span forRecords(String name, Collection<String> traceParents) {
		var contexts = traceParents.stream()
			.filter(Objects::nonNull)
			.map(this::context)
			.filter(Objects::nonNull)
			.toList();
		Span.Builder builder = this.tracer.spanBuilder().name(name);
		if (contexts.size() == 1) {
			builder.setParent(contexts.get(0));
		}
		else {
			builder.setNoParent();
			contexts.forEach((context) -> builder.addLink(new Link(context)));
		}
		return builder.start();
	}

	/**
	 * The {@code traceparent} of a span, to keep with a record.
	 * @param span the span
	 * @return its W3C trace context, or {@code null} when nothing is traced
	 */
	public String traceParent(Span span) {
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(TRACEPARENT);
	}

	/**
	 * Makes a span the current one, so that what runs in its scope (a MongoDB command, an
	 * SMTP exchange, a log line) belongs to it.
	 * @param span the span
	 * @return the scope, to close
	 */
	public Tracer.SpanInScope inScope(Span span) {
		return this.tracer.withSpan(span);
	}

	private TraceContext context(String traceParent) {
		String[] parts = traceParent.split("-");
		if (parts.length != 4 || parts[1].length() != 32 || parts[2].length() != 16) {
			return null;
		}
		return this.tracer.traceContextBuilder()
			.traceId(parts[1])
			.spanId(parts[2])
			.sampled("01".equals(parts[3]))
			.build();
	}

	private static String header(ConsumerRecord<?, ?> record, String key) {
		Header header = record.headers().lastHeader(key);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
