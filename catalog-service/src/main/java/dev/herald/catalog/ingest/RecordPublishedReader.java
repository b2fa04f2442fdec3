package dev.herald.catalog.ingest;

import java.util.ArrayList;
import java.util.List;

import dev.herald.contracts.ContractViolation;
import dev.herald.contracts.RecordContract;
import dev.herald.contracts.Rfc3339;
import tools.jackson.databind.JsonNode;

/**
 * Reads a message value as a {@link RecordPublished}: parses and validates it with the
 * contract ({@link RecordContract}), then maps it. Thread-safe.
 */
public final class RecordPublishedReader {

	private final RecordContract contract = new RecordContract();

	/**
	 * Reads one message value.
	 * @param value the raw value
	 * @return the record
	 * @throws ContractViolation if the value is missing, not JSON, or breaks the schema
	 */
	public RecordPublished read(byte[] value) {
		JsonNode json = this.contract.read(value);
		try {
			return toRecord(json);
		}
		catch (RuntimeException ex) {
			throw ContractViolation.unreadable(ex);
		}
	}

	/**
	 * Maps a value the schema accepted: every field present has its type and format, so
	 * the fields are read as they are, without a data-binding pass.
	 */
	private static RecordPublished toRecord(JsonNode json) {
		JsonNode place = json.get("place");
		return new RecordPublished(text(json, "id"), text(json, "kind"), text(json, "title"), text(json, "summary"),
				text(json, "body"), Rfc3339.fullDate(text(json, "occurredOn")),
				(place != null) ? new RecordPublished.Place(text(place, "city"), text(place, "country")) : null,
				text(json, "organization"), texts(json, "bodies"), texts(json, "participants"),
				texts(json, "documentSymbols"), texts(json, "topics"), text(json, "language"), text(json, "sourceUrl"),
				Rfc3339.dateTime(text(json, "publishedAt")), text(json, "publishedBy"));
	}

	private static String text(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value != null && !value.isNull()) ? value.stringValue() : null;
	}

	private static List<String> texts(JsonNode json, String field) {
		JsonNode values = json.get(field);
		if (values == null || values.isNull()) {
			return null;
		}
		List<String> texts = new ArrayList<>(values.size());
		values.forEach((value) -> texts.add(value.stringValue()));
		return texts;
	}

}
