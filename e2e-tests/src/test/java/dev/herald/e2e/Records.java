package dev.herald.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records as operators post them: the contract's examples without the fields the service
 * owns, and plain generated records that match no topic.
 */
final class Records {

	/**
	 * What an operator may send; the rest of an event is assigned by ingest or unknown to
	 * it.
	 */
	private static final Set<String> OPERATOR_FIELDS = Set.of("kind", "title", "summary", "body", "occurredOn", "place",
			"organization", "bodies", "participants", "documentSymbols", "topics", "language", "sourceUrl");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Records() {
	}

	/**
	 * Every valid example of the contract, as an operator would post it.
	 * @param projectRoot the repository root
	 * @return the records, in file name order
	 */
	static List<ObjectNode> examples(Path projectRoot) {
		try (Stream<Path> files = Files.list(projectRoot.resolve("contracts/examples/valid"))) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.sorted()
				.map(Records::operatorView)
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the contract's examples", ex);
		}
	}

	/**
	 * A plain record that no topic rule matches, found again by its organization.
	 * @param organization a name unique to the test
	 * @param number the record's number within the test
	 * @return the record
	 */
	static Map<String, Object> plain(String organization, int number) {
		return Map.of("kind", "MEETING", "title", "Working session " + number + " of " + organization, "summary",
				"Session number " + number + " took place as planned.", "occurredOn", LocalDate.now().toString(),
				"organization", organization, "language", "en");
	}

	/**
	 * A record that the topic rules put under {@code peacekeeping}.
	 * @param organization a name unique to the test
	 * @param title the title
	 * @return the record
	 */
	static Map<String, Object> aboutPeacekeeping(String organization, String title) {
		return Map.of("kind", "STATEMENT", "title", title, "summary",
				"The ministers discussed peacekeeping and the readiness of the peacekeeping forces.", "occurredOn",
				LocalDate.now().toString(), "organization", organization, "language", "en", "topics",
				List.of("peacekeeping"));
	}

	/**
	 * A published record event as the contract's first example has it, under another id
	 * and title: what ingest would have put on the records topic.
	 * @param projectRoot the project's root
	 * @param id the record's id
	 * @param title its title
	 * @return the event's JSON
	 */
	static byte[] event(Path projectRoot, String id, String title) {
		ObjectNode event = examples(projectRoot).get(0);
		event.put("id", id);
		event.put("title", title);
		event.put("publishedAt", java.time.Instant.now().toString());
		event.put("publishedBy", "e2e-tests");
		return JSON.writeValueAsBytes(event);
	}

	private static ObjectNode operatorView(Path file) {
		try {
			ObjectNode record = (ObjectNode) JSON.readTree(Files.readString(file));
			record.retain(OPERATOR_FIELDS);
			return record;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + file, ex);
		}
	}

	static String title(JsonNode record) {
		return record.get("title").asString();
	}

}
