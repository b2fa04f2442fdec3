package dev.herald.notify.matching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.herald.contracts.ContractViolation;
import dev.herald.contracts.RecordContract;
import dev.herald.platform.tracing.RecordSpans;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * This consumer reads every valid example of the contract and refuses every invalid one,
 * a message of another type, and a message whose key is not its record's id.
 */
class PublishedRecordContractTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RecordListener listener = new RecordListener(null, JSON, RecordSpans.none());

	@Test
	void readShouldAcceptEveryValidExampleOfTheContract() throws IOException {
		List<Resource> examples = examples("valid");
		assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
		for (Resource example : examples) {
			byte[] value = example.getContentAsByteArray();
			String id = JSON.readTree(value).get("id").asString();
			PublishedRecord record = this.listener.read(message(id, value, RecordContract.EVENT_TYPE));
			assertThat(record.id()).as(example.getFilename()).isEqualTo(id);
			assertThat(record.kind()).isIn("MEETING", "STATEMENT");
			assertThat(record.title()).isNotBlank();
			assertThat(record.topics()).isNotNull();
			assertThat(record.snapshot(null).title()).isEqualTo(record.title());
		}
	}

	@Test
	void readShouldRefuseEveryInvalidExampleOfTheContract() throws IOException {
		List<Resource> examples = examples("invalid");
		assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
		for (Resource example : examples) {
			byte[] value = example.getContentAsByteArray();
			JsonNode id = JSON.readTree(value).get("id");
			String key = (id != null && id.isString()) ? id.asString() : "key";
			assertThatExceptionOfType(ContractViolation.class).as(example.getFilename())
				.isThrownBy(() -> this.listener.read(message(key, value, RecordContract.EVENT_TYPE)));
		}
	}

	@Test
	void readShouldRefuseMessagesThatAreNotJsonEmptyOfAnotherTypeOrUnderAnotherKey() throws IOException {
		byte[] valid = examples("valid").get(0).getContentAsByteArray();
		String id = JSON.readTree(valid).get("id").asString();
		assertThatExceptionOfType(ContractViolation.class).isThrownBy(() -> this.listener
			.read(message(id, "{not json".getBytes(StandardCharsets.UTF_8), RecordContract.EVENT_TYPE)));
		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> this.listener.read(message(id, new byte[0], RecordContract.EVENT_TYPE)));
		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> this.listener.read(message(id, valid, "dev.herald.record.deleted.v1")))
			.withMessageContaining("dev.herald.record.deleted.v1");
		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> this.listener.read(message("another-key", valid, RecordContract.EVENT_TYPE)))
			.withMessageContaining("another-key");
	}

	private static ConsumerRecord<String, byte[]> message(String key, byte[] value, String type) {
		ConsumerRecord<String, byte[]> message = new ConsumerRecord<>("herald.records.v1", 0, 0, key, value);
		message.headers().add(new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)));
		return message;
	}

	private static List<Resource> examples(String kind) throws IOException {
		Resource[] found = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:herald/contracts/examples/" + kind + "/*.json");
		return Arrays.asList(found);
	}

}
