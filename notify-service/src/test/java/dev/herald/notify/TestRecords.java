package dev.herald.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Record events as ingest publishes them, for tests.
 */
public final class TestRecords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> fields = new LinkedHashMap<>();

	private TestRecords(List<String> topics) {
		String id = UUID.randomUUID().toString();
		this.fields.put("id", id);
		this.fields.put("kind", "MEETING");
		this.fields.put("title",
				"Meeting of the Council of the Consultative Coordination Centre " + id.substring(0, 8));
		this.fields.put("summary", "The Council met in Moscow to review responses to computer incidents.");
		this.fields.put("body", "The Council met.\n\nIt reviewed the year.");
		this.fields.put("occurredOn", LocalDate.parse("2023-11-13").toString());
		this.fields.put("place", Map.of("city", "Moscow", "country", "Russia"));
		this.fields.put("organization", "CSTO");
		this.fields.put("bodies", List.of("Council of the Consultative Coordination Centre"));
		this.fields.put("participants", List.of("Experts of the member states"));
		this.fields.put("documentSymbols", List.of("A/75/906", "S/2021/534"));
		this.fields.put("topics", topics);
		this.fields.put("language", "en");
		this.fields.put("publishedAt", Instant.now().toString());
		this.fields.put("publishedBy", "test-operator");
		this.fields.put("someFutureField", "ignored by consumers");
	}

	/**
	 * A meeting on the given topics.
	 * @param topics topic slugs
	 * @return the builder
	 */
	public static TestRecords meeting(String... topics) {
		return new TestRecords(List.of(topics));
	}

	/**
	 * Set a field.
	 * @param name the field
	 * @param value its value
	 * @return this builder
	 */
	public TestRecords with(String name, Object value) {
		this.fields.put(name, value);
		return this;
	}

	/**
	 * The record id.
	 * @return the id
	 */
	public String id() {
		return (String) this.fields.get("id");
	}

	/**
	 * The title.
	 * @return the title
	 */
	public String title() {
		return (String) this.fields.get("title");
	}

	/**
	 * The event as JSON.
	 * @return the JSON text
	 */
	public String json() {
		return JSON.writeValueAsString(this.fields);
	}

}
