package dev.herald.notify.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.herald.notify.record.RecordSnapshot;

/**
 * This service's own copy of the record event ({@code herald.records.v1}): the fields it
 * reads of a value the contract accepted; others are ignored.
 *
 * @param id record id (UUID)
 * @param kind {@code MEETING} or {@code STATEMENT}
 * @param title title
 * @param summary short account
 * @param body full text, read by saved searches only
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
record PublishedRecord(String id, String kind, String title, String summary, String body, LocalDate occurredOn,
		Place place, String organization, List<String> bodies, List<String> documentSymbols, List<String> topics,
		String language, Instant publishedAt) {

	/**
	 * Where a meeting took place.
	 *
	 * @param city city
	 * @param country country
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Place(String city, String country) {
	}

	RecordSnapshot snapshot(String traceParent) {
		return new RecordSnapshot(this.id, this.kind, this.title, this.summary, this.occurredOn,
				(this.place != null) ? this.place.city() : null, (this.place != null) ? this.place.country() : null,
				this.organization, this.bodies, this.documentSymbols, this.topics, this.language, this.publishedAt,
				traceParent);
	}

}
