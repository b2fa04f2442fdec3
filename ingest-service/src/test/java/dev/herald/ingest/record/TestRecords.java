package dev.herald.ingest.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records to post in tests.
 */
final class TestRecords {

	/** The documented development key, accepted by the default configuration. */
	static final String API_KEY = "dev-key-change-me";

	static final String BEARER = "Bearer " + API_KEY;

	private static final JsonMapper json = JsonMapper.builder().build();

	private TestRecords() {
	}

	/**
	 * Returns a valid record, as a map that tests may change.
	 * @param title its title; tests use a unique one to find their own messages
	 * @return the record
	 */
	static Map<String, Object> record(String title) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("kind", "MEETING");
		record.put("title", title);
		record.put("summary", "The Council of the CSTO CCC met in Moscow on responding to computer incidents.");
		record.put("occurredOn", "2023-11-13");
		record.put("place", new LinkedHashMap<>(Map.of("city", "Moscow", "country", "Russia")));
		record.put("organization", "CSTO");
		record.put("bodies", new ArrayList<>(List.of("Council of the Consultative Coordination Centre")));
		record.put("documentSymbols", new ArrayList<>(List.of("A/75/906")));
		record.put("topics", new ArrayList<>(List.of("united-nations")));
		record.put("language", "en");
		record.put("sourceUrl", "https://undocs.org/A/75/906");
		return record;
	}

	static Map<String, Object> record() {
		return record("Meeting " + UUID.randomUUID());
	}

	static Map<String, Object> with(String field, Object value) {
		Map<String, Object> record = record();
		record.put(field, value);
		return record;
	}

	static Map<String, Object> without(String... fields) {
		Map<String, Object> record = record();
		for (String field : fields) {
			record.remove(field);
		}
		return record;
	}

	static String json(Object value) {
		return json.writeValueAsString(value);
	}

	static String ndjson(List<?> records) {
		StringBuilder lines = new StringBuilder();
		records.forEach((record) -> lines.append(json(record)).append('\n'));
		return lines.toString();
	}

}
