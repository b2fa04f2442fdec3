package dev.herald.notify.matching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.herald.notify.kafka.MalformedEventException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * This consumer reads every valid example of the contract.
 */
class PublishedRecordContractTests {

	private final RecordListener listener = new RecordListener(null, JsonMapper.builder().build());

	@Test
	void parseShouldReadEveryValidExampleOfTheContract() throws IOException {
		List<Resource> examples = examples("valid");
		assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
		for (Resource example : examples) {
			PublishedRecord record = this.listener.parse(example.getContentAsString(StandardCharsets.UTF_8));
			assertThat(record.id()).as(example.getFilename()).isNotBlank();
			assertThat(record.kind()).isIn("MEETING", "STATEMENT");
			assertThat(record.title()).isNotBlank();
			assertThat(record.topics()).isNotNull();
			assertThat(record.snapshot().title()).isEqualTo(record.title());
		}
	}

	@Test
	void parseWhenNotJsonOrMissingFieldsShouldRefuseAsMalformed() {
		for (String value : new String[] { "not json", "[]", "{}", "{\"id\":\"x\",\"kind\":\"MEETING\"}",
				"{\"id\":\"3f0c9d2e-6b1a-4c55-9f7e-2d8a41b07c13\",\"kind\":\"PARTY\",\"title\":\"t\",\"topics\":[]}",
				"{\"id\":\"3f0c9d2e-6b1a-4c55-9f7e-2d8a41b07c13\",\"kind\":\"MEETING\",\"title\":\" \",\"topics\":[]}" }) {
			assertThatExceptionOfType(MalformedEventException.class).as(value)
				.isThrownBy(() -> this.listener.parse(value));
		}
	}

	private static List<Resource> examples(String kind) throws IOException {
		Resource[] found = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:herald/contracts/examples/" + kind + "/*.json");
		return Arrays.asList(found);
	}

}
