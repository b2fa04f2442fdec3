package dev.herald.contracts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document parses, declares the record topic, its consumers and dead-letter
 * topics, and points at contract files that exist.
 */
class AsyncApiDocumentTests {

	private static final String TOPIC = "herald.records.v1";

	private static final JsonNode DOCUMENT = ContractFiles.readYaml(ContractFiles.path(ContractFiles.ASYNCAPI));

	@Test
	void documentShouldBeAsyncApi3WithTitleAndVersion() {
		assertThat(DOCUMENT.path("asyncapi").stringValue("")).isEqualTo("3.0.0");
		assertThat(DOCUMENT.at("/info/title").stringValue("")).isNotBlank();
		assertThat(DOCUMENT.at("/info/version").stringValue("")).isNotBlank();
	}

	@Test
	void recordsChannelShouldDeclareTheTopicWithSixPartitions() {
		JsonNode channel = channel(TOPIC);
		assertThat(channel.at("/bindings/kafka/topic").stringValue("")).isEqualTo(TOPIC);
		assertThat(channel.at("/bindings/kafka/partitions").asInt()).isEqualTo(6);
	}

	@Test
	void deadLetterChannelsShouldFollowTheTopicGroupDltConvention() {
		assertThat(channelAddresses()).contains(TOPIC + ".catalog-service.dlt", TOPIC + ".notify-service.dlt");
	}

	@Test
	void recordMessageShouldReferenceTheRecordSchemaFile() {
		String ref = recordMessage().at("/payload/$ref").stringValue("");
		Path schema = resolve(ref);
		assertThat(schema).isEqualTo(ContractFiles.path(ContractFiles.SCHEMA)).exists();
		assertThat(ContractFiles.readJson(schema).get("$id").stringValue()).isEqualTo(ContractFiles.SCHEMA_ID);
	}

	@Test
	void recordMessageShouldBeKeyedByRecordId() {
		JsonNode key = recordMessage().at("/bindings/kafka/key");
		assertThat(key.path("type").stringValue("")).isEqualTo("string");
		assertThat(key.path("format").stringValue("")).isEqualTo("uuid");
	}

	@Test
	void headersShouldRequireTheCloudEventsBinaryModeAttributes() {
		JsonNode headers = headersSchema();
		assertThat(headers.get("required").values()).extracting(JsonNode::stringValue)
			.contains("ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "content-type");
		assertThat(headers.at("/properties/ce_type/const").stringValue("")).isEqualTo("dev.herald.record.published.v1");
		assertThat(headers.at("/properties/ce_specversion/const").stringValue("")).isEqualTo("1.0");
		assertThat(headers.at("/properties/content-type/const").stringValue("")).isEqualTo("application/json");
		assertThat(headers.at("/properties/traceparent").isObject()).isTrue();
	}

	@Test
	void operationsShouldNameTheProducerAndBothConsumerGroups() {
		List<String> senders = new ArrayList<>();
		List<String> receiverGroups = new ArrayList<>();
		for (JsonNode operation : DOCUMENT.get("operations").values()) {
			if (!resolveInternal(operation.at("/channel/$ref").stringValue("")).equals(channel(TOPIC))) {
				continue;
			}
			String service = operation.at("/tags/0/name").stringValue("");
			if ("send".equals(operation.path("action").stringValue(""))) {
				senders.add(service);
			}
			else {
				assertThat(operation.at("/bindings/kafka/groupId/enum/0").stringValue("")).isEqualTo(service);
				receiverGroups.add(service);
			}
		}
		assertThat(senders).containsExactly("ingest-service");
		assertThat(receiverGroups).containsExactlyInAnyOrder("catalog-service", "notify-service");
	}

	@Test
	void everyReferenceShouldResolve() {
		List<String> refs = new ArrayList<>();
		collectRefs(DOCUMENT, refs);
		assertThat(refs).isNotEmpty().allSatisfy((ref) -> {
			if (ref.startsWith("#")) {
				assertThat(resolveInternal(ref).isMissingNode()).as("internal reference %s", ref).isFalse();
			}
			else {
				assertThat(resolve(ref)).as("file reference %s", ref).exists();
			}
		});
	}

	@Test
	void messageExamplesShouldReferenceValidExamplesWithMatchingHeaders() {
		Schema headers = ContractFiles.schema(headersSchema());
		Schema record = ContractFiles.recordSchema();
		List<JsonNode> examples = recordMessage().get("examples").values().stream().toList();
		assertThat(examples).hasSizeGreaterThanOrEqualTo(3).allSatisfy((example) -> {
			Path file = resolve(example.at("/payload/$ref").stringValue(""));
			assertThat(file).exists().startsWith(ContractFiles.path(ContractFiles.VALID_EXAMPLES));
			JsonNode payload = ContractFiles.readJson(file);
			assertThat(record.validate(payload)).isEmpty();
			assertThat(headers.validate(example.get("headers"))).as("headers of %s", file.getFileName()).isEmpty();
			assertThat(example.at("/headers/ce_id").stringValue()).isEqualTo(payload.get("id").stringValue());
			assertThat(example.at("/headers/ce_time").stringValue())
				.isEqualTo(payload.get("publishedAt").stringValue());
		});
	}

	private static JsonNode channel(String address) {
		return DOCUMENT.get("channels")
			.values()
			.stream()
			.filter((channel) -> address.equals(channel.path("address").stringValue("")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no channel with address " + address));
	}

	private static List<String> channelAddresses() {
		return DOCUMENT.get("channels").values().stream().map((c) -> c.path("address").stringValue("")).toList();
	}

	private static JsonNode recordMessage() {
		JsonNode message = channel(TOPIC).get("messages").values().iterator().next();
		return resolveInternal(message.path("$ref").stringValue(""));
	}

	private static JsonNode headersSchema() {
		return resolveInternal(recordMessage().at("/headers/$ref").stringValue(""));
	}

	private static JsonNode resolveInternal(String ref) {
		assertThat(ref).startsWith("#/");
		return DOCUMENT.at(ref.substring(1));
	}

	private static Path resolve(String fileRef) {
		return ContractFiles.path(ContractFiles.ASYNCAPI).resolveSibling(fileRef).normalize();
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject() && node.has("$ref")) {
			refs.add(node.get("$ref").stringValue());
		}
		node.values().forEach((child) -> collectRefs(child, refs));
	}

}
