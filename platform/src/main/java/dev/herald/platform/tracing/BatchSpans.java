package dev.herald.platform.tracing;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * The spans of one call of a batch listener: one span per record, a child of the span
 * that produced it, and a span in scope for the whole call, so that every log line and
 * every MongoDB command of the call carries a trace and span id. With one record that
 * span is the record's own; with several it is a span of the batch that links each
 * record's span (the way OpenTelemetry draws batch processing).
 * <p>
 * Close it, in a {@code finally} or with try-with-resources, to end every span.
 */
public final class BatchSpans implements AutoCloseable {

	private final List<Span> records;

	private final Span batch;

	private final Tracer.SpanInScope scope;

	private Throwable failure;

	BatchSpans(List<Span> records, Span batch, Tracer.SpanInScope scope) {
		this.records = records;
		this.batch = batch;
		this.scope = scope;
	}

	/**
	 * The records' spans, in the records' order.
	 * @return the spans
	 */
	public List<Span> records() {
		return this.records;
	}

	/**
	 * Marks every span failed when they end.
	 * @param failure what failed
	 */
	public void failed(Throwable failure) {
		this.failure = failure;
	}

	/**
	 * Leaves the scope and ends the spans.
	 */
	@Override
	public void close() {
		if (this.scope != null) {
			this.scope.close();
		}
		RecordSpans.end(this.records, this.failure);
		if (this.batch != null) {
			RecordSpans.end(List.of(this.batch), this.failure);
		}
	}

}
