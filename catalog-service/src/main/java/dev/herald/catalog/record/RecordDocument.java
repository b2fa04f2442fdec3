package dev.herald.catalog.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A record as stored in the {@code records} collection, keyed by record id.
 * <p>
 * Dates are kept as sortable text so that neither the driver's time-zone handling nor the
 * millisecond precision of BSON dates can change them: {@code occurredOn} as
 * {@code yyyy-MM-dd}, {@code publishedAt} as a UTC instant with nine fraction digits. The
 * latter also orders revisions: a message is stored only over an older
 * {@code publishedAt}.
 *
 * @param id record id
 * @param kind {@code MEETING} or {@code STATEMENT}
 * @param title headline
 * @param summary short account, or {@code null}
 * @param body full text, or {@code null}
 * @param occurredOn date as {@code yyyy-MM-dd}
 * @param place where, or {@code null}
 * @param organization organization
 * @param bodies councils or organs
 * @param participants participants, or {@code null}
 * @param documentSymbols document symbols
 * @param topics taxonomy slugs
 * @param language BCP 47 language tag
 * @param sourceUrl original publication, or {@code null}
 * @param publishedAt revision instant, see {@link #revision(Instant)}
 * @param publishedBy operator
 * @param terms normalized search terms
 * @param storedAt when the catalog stored this revision
 */
@Document(RecordDocument.COLLECTION)
public record RecordDocument(@Id String id, String kind, String title, String summary, String body, String occurredOn,
		Place place, String organization, List<String> bodies, List<String> participants, List<String> documentSymbols,
		List<String> topics, String language, String sourceUrl, String publishedAt, String publishedBy,
		List<String> terms, Instant storedAt) {

	/** Name of the collection. */
	public static final String COLLECTION = "records";

	private static final DateTimeFormatter REVISION = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * Formats an instant as stored in {@code publishedAt}: fixed width, so that text
	 * order is time order.
	 * @param instant the instant
	 * @return its stored form
	 */
	public static String revision(Instant instant) {
		return REVISION.format(instant);
	}

	/**
	 * The BSON document stored for this record: what Spring Data's mapping converter
	 * writes, less its type hint, which reading does not need. Written field by field
	 * straight into BSON bytes, because the catalog writes every record it consumes: the
	 * converter costs several times as much, and a map of BSON values encoded afterwards
	 * twice as much; a test holds the result equal to the converter's.
	 * @return the document, without {@code null} fields
	 */
	public RawBsonDocument toBson() {
		Utf8OutputBuffer buffer = new Utf8OutputBuffer(4096);
		try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
			writer.writeStartDocument();
			writer.writeString("_id", this.id);
			write(writer, "kind", this.kind);
			write(writer, "title", this.title);
			write(writer, "summary", this.summary);
			write(writer, "body", this.body);
			write(writer, "occurredOn", this.occurredOn);
			if (this.place != null) {
				writer.writeStartDocument("place");
				write(writer, "city", this.place.city());
				write(writer, "country", this.place.country());
				writer.writeEndDocument();
			}
			write(writer, "organization", this.organization);
			write(writer, "bodies", this.bodies);
			write(writer, "participants", this.participants);
			write(writer, "documentSymbols", this.documentSymbols);
			write(writer, "topics", this.topics);
			write(writer, "language", this.language);
			write(writer, "languages", languages(this.language));
			write(writer, "sourceUrl", this.sourceUrl);
			write(writer, "publishedAt", this.publishedAt);
			write(writer, "publishedBy", this.publishedBy);
			write(writer, "terms", this.terms);
			if (this.storedAt != null) {
				writer.writeDateTime("storedAt", this.storedAt.toEpochMilli());
			}
			writer.writeEndDocument();
		}
		return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
	}

	/**
	 * What the {@code lang} filter matches, exactly and on an index: the tag in small
	 * letters and each of its prefixes, so {@code en} finds {@code en-GB} too.
	 * @param language a BCP 47 tag, or {@code null}
	 * @return {@code en}, {@code en-gb} for {@code en-GB}; {@code null} for none
	 */
	static List<String> languages(String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		List<String> prefixes = new ArrayList<>();
		StringBuilder prefix = new StringBuilder();
		for (String part : language.toLowerCase(java.util.Locale.ROOT).split("-")) {
			prefix.append((prefix.length() > 0) ? "-" : "").append(part);
			prefixes.add(prefix.toString());
		}
		return prefixes;
	}

	private static void write(BsonWriter writer, String field, String value) {
		if (value != null) {
			writer.writeString(field, value);
		}
	}

	private static void write(BsonWriter writer, String field, List<String> values) {
		if (values != null) {
			writer.writeStartArray(field);
			for (String value : values) {
				if (value != null) {
					writer.writeString(value);
				}
				else {
					writer.writeNull();
				}
			}
			writer.writeEndArray();
		}
	}

	/**
	 * Returns the date of the meeting or statement.
	 * @return the date
	 */
	public LocalDate occurredOnDate() {
		return LocalDate.parse(this.occurredOn);
	}

	/**
	 * Returns the instant this revision was published.
	 * @return the instant
	 */
	public Instant publishedAtInstant() {
		return Instant.parse(this.publishedAt);
	}

	/**
	 * Where a meeting took place or a statement was issued.
	 *
	 * @param city city
	 * @param country country
	 */
	public record Place(String city, String country) {
	}

}
