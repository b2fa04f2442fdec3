package dev.herald.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.herald.catalog.ingest.RecordPublished;
import dev.herald.catalog.ingest.RecordPublishedReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Record events for tests: fresh ones with unique ids, and the contract's example files.
 */
public final class TestRecords {

	/** JSON mapper of the tests. */
	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RecordPublishedReader READER = new RecordPublishedReader();

	private TestRecords() {
	}

	/**
	 * Returns an organization name no other test uses, to keep tests that share the
	 * servers apart.
	 * @return the name
	 */
	public static String uniqueOrganization() {
		return "ORG-" + UUID.randomUUID().toString().substring(0, 13);
	}

	/**
	 * Returns a valid English meeting event with a fresh id.
	 * @param organization the organization
	 * @return the event JSON
	 */
	public static ObjectNode meeting(String organization) {
		ObjectNode event = JSON.createObjectNode();
		event.put("id", UUID.randomUUID().toString());
		event.put("kind", "MEETING");
		event.put("title", "Meeting of the Council of Foreign Ministers");
		event.put("summary", "The ministers met to discuss regional security.");
		event.put("occurredOn", "2023-11-22");
		event.putObject("place").put("city", "Minsk").put("country", "Belarus");
		event.put("organization", organization);
		event.putArray("bodies").add("Council of Foreign Ministers");
		event.putArray("documentSymbols");
		event.putArray("topics").add("regional-security");
		event.put("language", "en");
		event.put("publishedAt", "2023-11-22T15:31:07Z");
		event.put("publishedBy", "press-office");
		return event;
	}

	/**
	 * Returns a meeting with the given date and text.
	 * @param organization the organization
	 * @param occurredOn the date
	 * @param title the title
	 * @param summary the summary
	 * @return the event JSON
	 */
	public static ObjectNode meeting(String organization, LocalDate occurredOn, String title, String summary) {
		ObjectNode event = meeting(organization);
		event.put("occurredOn", occurredOn.toString());
		event.put("title", title);
		event.put("summary", summary);
		return event;
	}

	/**
	 * Returns a copy of an event as another revision.
	 * @param event the event
	 * @param publishedAt the revision's instant
	 * @param title the revision's title
	 * @return the revision
	 */
	public static ObjectNode revision(ObjectNode event, Instant publishedAt, String title) {
		ObjectNode revision = event.deepCopy();
		revision.put("publishedAt", publishedAt.toString());
		revision.put("title", title);
		return revision;
	}

	/**
	 * Reads an event as the consumer does.
	 * @param event the event JSON
	 * @return the record
	 */
	public static RecordPublished read(JsonNode event) {
		return READER.read(bytes(event));
	}

	/**
	 * Serializes an event.
	 * @param event the event JSON
	 * @return UTF-8 JSON
	 */
	public static byte[] bytes(JsonNode event) {
		return JSON.writeValueAsBytes(event);
	}

	/**
	 * Returns the contract's valid examples.
	 * @return the example files, by name
	 */
	public static List<Resource> validExamples() {
		return examples("valid");
	}

	/**
	 * Returns the contract's invalid examples.
	 * @return the example files, by name
	 */
	public static List<Resource> invalidExamples() {
		return examples("invalid");
	}

	/**
	 * Reads an example file.
	 * @param example the file
	 * @return its JSON
	 */
	public static ObjectNode json(Resource example) {
		try {
			return (ObjectNode) JSON.readTree(example.getContentAsByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads an example file's bytes.
	 * @param example the file
	 * @return its bytes
	 */
	public static byte[] bytes(Resource example) {
		try {
			return example.getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Resource> examples(String folder) {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:herald/contracts/examples/" + folder + "/*.json");
			return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
