package dev.herald.ingest.record;

import java.io.ByteArrayOutputStream;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes an event as the contract's JSON ({@code record-published.v1.schema.json}),
 * leaving out optional fields that are {@code null}. Written field by field: ingest
 * writes one event per record, and a generator costs a fraction of data binding; the
 * field names are encoded once, not for every record. The contract tests check the result
 * against the schema.
 */
@Component
class EventJson {

	private static final SerializableString ID = name("id");

	private static final SerializableString KIND = name("kind");

	private static final SerializableString TITLE = name("title");

	private static final SerializableString SUMMARY = name("summary");

	private static final SerializableString BODY = name("body");

	private static final SerializableString OCCURRED_ON = name("occurredOn");

	private static final SerializableString PLACE = name("place");

	private static final SerializableString CITY = name("city");

	private static final SerializableString COUNTRY = name("country");

	private static final SerializableString ORGANIZATION = name("organization");

	private static final SerializableString BODIES = name("bodies");

	private static final SerializableString PARTICIPANTS = name("participants");

	private static final SerializableString DOCUMENT_SYMBOLS = name("documentSymbols");

	private static final SerializableString TOPICS = name("topics");

	private static final SerializableString LANGUAGE = name("language");

	private static final SerializableString SOURCE_URL = name("sourceUrl");

	private static final SerializableString PUBLISHED_AT = name("publishedAt");

	private static final SerializableString PUBLISHED_BY = name("publishedBy");

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Writes an event.
	 * @param event the event
	 * @return its JSON, UTF-8
	 */
	byte[] write(PublishedRecord event) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		try (JsonGenerator json = this.mapper.createGenerator(out)) {
			json.writeStartObject();
			string(json, ID, event.id().toString());
			string(json, KIND, event.kind());
			string(json, TITLE, event.title());
			string(json, SUMMARY, event.summary());
			string(json, BODY, event.body());
			string(json, OCCURRED_ON, event.occurredOn());
			if (event.place() != null) {
				json.writeName(PLACE);
				json.writeStartObject();
				string(json, CITY, event.place().city());
				string(json, COUNTRY, event.place().country());
				json.writeEndObject();
			}
			string(json, ORGANIZATION, event.organization());
			array(json, BODIES, event.bodies());
			array(json, PARTICIPANTS, event.participants());
			array(json, DOCUMENT_SYMBOLS, event.documentSymbols());
			array(json, TOPICS, event.topics());
			string(json, LANGUAGE, event.language());
			string(json, SOURCE_URL, event.sourceUrl());
			string(json, PUBLISHED_AT, event.publishedAt().toString());
			string(json, PUBLISHED_BY, event.publishedBy());
			json.writeEndObject();
		}
		return out.toByteArray();
	}

	/** A string field, left out when {@code null}. */
	private static void string(JsonGenerator json, SerializableString name, String value) {
		if (value != null) {
			json.writeName(name);
			json.writeString(value);
		}
	}

	/** An array of strings, left out when {@code null}. */
	private static void array(JsonGenerator json, SerializableString name, List<String> values) {
		if (values != null) {
			json.writeName(name);
			json.writeStartArray();
			for (String value : values) {
				json.writeString(value);
			}
			json.writeEndArray();
		}
	}

	private static SerializableString name(String name) {
		return new SerializedString(name);
	}

}
