package dev.herald.ingest.record;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent}. The service continues the trace of a request
 * that carries a valid one, with a span of its own, and starts a new trace otherwise.
 *
 * @param traceId 32 lower-case hex digits
 * @param spanId 16 lower-case hex digits
 * @param flags 2 hex digits
 */
record TraceParent(String traceId, String spanId, String flags) {

	static final String HEADER = "traceparent";

	private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

	static TraceParent childOf(String header) {
		Matcher matcher = (header != null) ? FORMAT.matcher(header.strip()) : null;
		if (matcher != null && matcher.matches() && !isZero(matcher.group(1)) && !isZero(matcher.group(2))) {
			return new TraceParent(matcher.group(1), random(8), matcher.group(3));
		}
		return new TraceParent(random(16), random(8), "01");
	}

	String header() {
		return "00-" + this.traceId + "-" + this.spanId + "-" + this.flags;
	}

	private static boolean isZero(String hex) {
		return hex.chars().allMatch((c) -> c == '0');
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		do {
			ThreadLocalRandom.current().nextBytes(value);
		}
		while (isZero(HexFormat.of().formatHex(value)));
		return HexFormat.of().formatHex(value);
	}

}
