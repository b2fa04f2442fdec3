package dev.herald.notify.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * CloudEvents 1.0 headers of Kafka's binary content mode.
 */
public final class CloudEventHeaders {

	private CloudEventHeaders() {
	}

	/**
	 * The headers of one event.
	 * @param type the CloudEvents type
	 * @param source the CloudEvents source
	 * @param time when it happened
	 * @return the headers
	 */
	public static List<Header> of(String type, String source, Instant time) {
		return List.of(header("ce_id", UUID.randomUUID().toString()), header("ce_specversion", "1.0"),
				header("ce_type", type), header("ce_source", source), header("ce_time", time.toString()),
				header("content-type", "application/json"));
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
