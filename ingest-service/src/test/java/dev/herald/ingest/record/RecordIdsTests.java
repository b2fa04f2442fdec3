package dev.herald.ingest.record;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordIds}.
 */
class RecordIdsTests {

	private final RecordIds ids = new RecordIds();

	@Test
	void forKeyShouldGiveTheVersion5IdOfOperatorAndKey() {
		UUID id = this.ids.forKey("dev-operator", "key-1");
		assertThat(id.version()).isEqualTo(5);
		// uuid5(a808e309-ad18-5b86-a646-322f2521ebf7, "dev-operator\0key-1"), computed
		// independently
		assertThat(id).isEqualTo(UUID.fromString("8ce107b9-d1fd-5609-8718-38faa4007f07"));
	}

	@Test
	void forKeyWhenRepeatedShouldGiveTheSameId() {
		assertThat(this.ids.forKey("press-office", "csto-2023-11-23"))
			.isEqualTo(new RecordIds().forKey("press-office", "csto-2023-11-23"));
	}

	@Test
	void forKeyWhenOperatorsDifferShouldGiveDifferentIds() {
		assertThat(this.ids.forKey("a", "b:c")).isNotEqualTo(this.ids.forKey("b", "b:c"))
			.isNotEqualTo(this.ids.forKey("a:b", "c"));
	}

	@Test
	void nextShouldGiveTimeOrderedVersion7Ids() {
		UUID[] generated = IntStream.range(0, 100).mapToObj((i) -> this.ids.next()).toArray(UUID[]::new);
		for (int i = 1; i < generated.length; i++) {
			assertThat(generated[i].version()).isEqualTo(7);
			assertThat(generated[i].toString()).isGreaterThan(generated[i - 1].toString());
		}
	}

}
