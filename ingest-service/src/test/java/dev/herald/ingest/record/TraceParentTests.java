package dev.herald.ingest.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TraceParent}.
 */
class TraceParentTests {

	@Test
	void childOfValidHeaderShouldContinueTheTraceWithANewSpan() {
		TraceParent trace = TraceParent.childOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(trace.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
		assertThat(trace.header()).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f0\r\n" })
	void childOfInvalidHeaderShouldStartANewTrace(String header) {
		TraceParent trace = TraceParent.childOf(header);
		assertThat(trace.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		assertThat(trace.traceId()).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736")
			.isNotEqualTo("00000000000000000000000000000000");
	}

}
