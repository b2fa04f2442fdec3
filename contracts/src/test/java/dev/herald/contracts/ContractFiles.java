package dev.herald.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the contract files from the module root, where they live as documents.
 */
final class ContractFiles {

	static final String SCHEMA = "record-published.v1.schema.json";

	static final String SCHEMA_ID = "https://herald.dev/contracts/" + SCHEMA;

	static final String ASYNCAPI = "asyncapi.yaml";

	static final String TOPICS = "topics.yml";

	static final String VALID_EXAMPLES = "examples/valid";

	static final String INVALID_EXAMPLES = "examples/invalid";

	/** Where the jar carries the same files. */
	static final String CLASSPATH_PREFIX = "herald/contracts/";

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private ContractFiles() {
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	static String relative(Path path) {
		return ROOT.relativize(path).toString().replace('\\', '/');
	}

	static List<Path> validExamples() {
		return jsonFilesIn(VALID_EXAMPLES);
	}

	static List<Path> invalidExamples() {
		return jsonFilesIn(INVALID_EXAMPLES);
	}

	static List<Path> allContractFiles() {
		return Stream
			.of(Stream.of(path(SCHEMA), path(ASYNCAPI), path(TOPICS)), validExamples().stream(),
					invalidExamples().stream())
			.flatMap((paths) -> paths)
			.toList();
	}

	static JsonNode readJson(Path path) {
		return JSON.readTree(path);
	}

	static JsonNode readYaml(Path path) {
		return YAML.readTree(path);
	}

	static JsonNode recordSchemaDocument() {
		return readJson(path(SCHEMA));
	}

	/**
	 * The record schema, with format assertion on (the validator only annotates formats
	 * by default) and errors located by JSON pointer.
	 */
	static Schema recordSchema() {
		return schema(recordSchemaDocument());
	}

	static Schema schema(JsonNode schemaNode) {
		SchemaRegistryConfig config = SchemaRegistryConfig.builder()
			.formatAssertionsEnabled(true)
			.pathType(PathType.JSON_POINTER)
			.build();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaRegistryConfig(config));
		return registry.getSchema(schemaNode);
	}

	private static List<Path> jsonFilesIn(String directory) {
		try (Stream<Path> files = Files.list(path(directory))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
