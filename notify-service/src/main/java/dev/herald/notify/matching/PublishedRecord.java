package dev.herald.notify.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.herald.notify.kafka.MalformedEventException;
import dev.herald.notify.record.RecordSnapshot;

/**
 * The fields of a record event ({@code herald.records.v1}) that this service reads;
 * others are ignored.
 *
 * @param id record id (UUID)
 * @param kind {@code MEETING} or {@code STATEMENT}
 * @param title title
 * @param summary short account
 * @param occurredOn date of the meeting or statement
 * @param place where it took place
 * @param organization organization
 * @param bodies councils or organs
 * @param documentSymbols document symbols
 * @param topics topic slugs
 * @param language language (BCP 47)
 * @param publishedAt when ingest published it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PublishedRecord(String id, String kind, String title, String summary, LocalDate occurredOn, Place place,
		String organization, List<String> bodies, List<String> documentSymbols, List<String> topics, String language,
		Instant publishedAt) {

	/**
	 * Where a meeting took place.
	 *
	 * @param city city
	 * @param country country
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Place(String city, String country) {
	}

	/**
	 * Check the fields matching and alerts rely on.
	 * @return this record
	 * @throws MalformedEventException when one is missing or wrong
	 */
	PublishedRecord validated() {
		if (this.id == null || !isUuid(this.id)) {
			throw new MalformedEventException("Record event without a UUID id");
		}
		if (!"MEETING".equals(this.kind) && !"STATEMENT".equals(this.kind)) {
			throw new MalformedEventException("Record event " + this.id + " has an unknown kind");
		}
		if (this.title == null || this.title.isBlank()) {
			throw new MalformedEventException("Record event " + this.id + " has no title");
		}
		if (this.topics == null) {
			throw new MalformedEventException("Record event " + this.id + " has no topics");
		}
		return this;
	}

	RecordSnapshot snapshot() {
		return new RecordSnapshot(this.id, this.kind, this.title, this.summary, this.occurredOn,
				(this.place != null) ? this.place.city() : null, (this.place != null) ? this.place.country() : null,
				this.organization, this.bodies, this.documentSymbols, this.topics, this.language, this.publishedAt);
	}

	private static boolean isUuid(String value) {
		try {
			return UUID.fromString(value).toString().equalsIgnoreCase(value);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
