package dev.herald.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP receiver of traces in the test's JVM: the services export their spans to
 * it ({@code POST /v1/traces}, protobuf), and tests read what arrived.
 */
final class TraceReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	TraceReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/traces", this::receive);
		this.server.start();
	}

	/**
	 * Where the services send their spans.
	 * @return the OTLP traces endpoint
	 */
	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/**
	 * The spans received so far.
	 * @return the spans
	 */
	List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			for (ResourceSpans resource : request.getResourceSpansList()) {
				String service = resource.getResource()
					.getAttributesList()
					.stream()
					.filter((attribute) -> attribute.getKey().equals("service.name"))
					.map(KeyValue::getValue)
					.map((value) -> value.getStringValue())
					.findFirst()
					.orElse("");
				for (ScopeSpans scope : resource.getScopeSpansList()) {
					for (Span span : scope.getSpansList()) {
						Map<String, String> attributes = new HashMap<>();
						span.getAttributesList()
							.forEach((attribute) -> attributes.put(attribute.getKey(),
									attribute.getValue().getStringValue()));
						this.spans.add(new ReceivedSpan(service, hex(span.getTraceId().toByteArray()),
								hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
								span.getName(), Map.copyOf(attributes)));
					}
				}
			}
			byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, (answer.length == 0) ? -1 : answer.length);
			if (answer.length > 0) {
				exchange.getResponseBody().write(answer);
			}
		}
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A span as a service exported it.
	 *
	 * @param service the exporting service ({@code service.name})
	 * @param traceId the trace id, hex
	 * @param spanId the span id, hex
	 * @param parentId the parent's span id, hex, empty for a root
	 * @param name the span's name
	 * @param attributes its attributes, those with string values
	 */
	record ReceivedSpan(String service, String traceId, String spanId, String parentId, String name,
			Map<String, String> attributes) {
	}

}
