package dev.herald.platform.tracing;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * The spans of one call of a batch listener: one span per send among its records, a child
 * of the span that sent them, and a span in scope for the whole call, so that every log
 * line and every MongoDB command of the call carries a trace and span id. With one send
 * that span is the send's own; with several it is a span of the batch that links each
 * send's span (the way OpenTelemetry draws batch processing).
 * <p>
 * Close it, in a {@code finally} or with try-with-resources, to end every span.
 */
public final class BatchSpans implements AutoCloseable {

	private final List<Span> records;

	private final List<Span> distinct;

	private final Span batch;

	private final Tracer.SpanInScope scope;

	private Throwable failure;

	BatchSpans(List<Span> records, List<Span> distinct, Span batch, Tracer.SpanInScope scope) {
		this.records = records;
		this.distinct = distinct;
		this.batch = batch;
		this.scope = scope;
	}

	/**
	 * Each record's span, in the records' order: records of one send share theirs.
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
		RecordSpans.end(this.distinct, this.failure);
		if (this.batch != null) {
			RecordSpans.end(List.of(this.batch), this.failure);
		}
	}

}
