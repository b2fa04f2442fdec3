package dev.herald.localstack;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTests {

	@Test
	void freeShouldNeverHandOutTheSamePortTwice() {
		// Each port is closed as soon as it is found: the system offers ports again, and
		// among 2,000 of them some would repeat.
		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			ports.add(Ports.free());
		}
		assertThat(ports).doesNotHaveDuplicates().allSatisfy((port) -> assertThat(Ports.isFree(port)).isTrue());
	}

}
