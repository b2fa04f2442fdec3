package dev.herald.bench.load;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records as operators post them (about 420 bytes of JSON) and as record events on the
 * wire, varied in their words so that search terms vary, deterministic for a seed. The
 * words belong to no topic's keywords, so a record's topics are exactly those given.
 */
public final class RecordFactory {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] BODIES = { "Working Group on Logistics", "Permanent Council",
			"Committee on Budget and Finance", "Secretariat", "Working Group on Training",
			"Council of Plenipotentiaries" };

	private static final String[] SUBJECTS = { "the annual work plan", "the budget for the coming year",
			"staff regulations", "the training of specialists", "the exchange of information on procedures",
			"the equipment of the secretariat", "the schedule of consultations", "the report of the auditors" };

	private static final String[] CITIES = { "Minsk", "Moscow", "Astana", "Bishkek", "Dushanbe", "Yerevan" };

	private static final String[] COUNTRIES = { "Belarus", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan",
			"Armenia" };

	private static final String[] ACTIONS = { "approved", "reviewed", "discussed", "adopted", "noted", "considered" };

	private final SplittableRandom random;

	/**
	 * A factory whose records follow from the seed.
	 * @param seed the seed
	 */
	public RecordFactory(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/**
	 * The JSON an operator posts for one record.
	 * @param title a title naming the record uniquely (a marker the bench finds again)
	 * @param topics the operator's topics
	 * @return the record's fields
	 */
	public Map<String, Object> request(String title, List<String> topics) {
		int city = this.random.nextInt(CITIES.length);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("kind", this.random.nextBoolean() ? "MEETING" : "STATEMENT");
		record.put("title", title);
		record.put("summary", summary());
		record.put("occurredOn", LocalDate.of(2023, 1, 1).plusDays(this.random.nextInt(365)).toString());
		record.put("place", Map.of("city", CITIES[city], "country", COUNTRIES[city]));
		record.put("organization", "CSTO");
		record.put("bodies", List.of(pick(BODIES)));
		record.put("documentSymbols", List.of("A/75/" + (100 + this.random.nextInt(900))));
		record.put("topics", topics);
		record.put("language", "en");
		return record;
	}

	/**
	 * A title in the style of the records, with a unique marker.
	 * @param marker what makes it unique
	 * @return the title
	 */
	public String title(String marker) {
		return "Meeting of the " + pick(BODIES) + " on " + pick(SUBJECTS) + " " + marker;
	}

	/**
	 * The value of a record event, as ingest publishes it.
	 * @param id the record id
	 * @param title its title
	 * @param topics its topics
	 * @param publishedAt its revision
	 * @return the JSON bytes
	 */
	public byte[] event(UUID id, String title, List<String> topics, Instant publishedAt) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", id.toString());
		event.putAll(request(title, topics));
		event.put("publishedAt", publishedAt.toString());
		event.put("publishedBy", "bench");
		return JSON.writeValueAsBytes(event);
	}

	/**
	 * JSON text of a value.
	 * @param value a map or list
	 * @return its JSON
	 */
	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private String summary() {
		return "The " + pick(BODIES) + " " + pick(ACTIONS) + " " + pick(SUBJECTS) + " and " + pick(SUBJECTS)
				+ ". Delegations " + pick(ACTIONS) + " " + pick(SUBJECTS) + ".";
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
