package dev.herald.catalog.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The catalog's own copy of the record event on {@code herald.records.v1} (contract:
 * {@code record-published.v1.schema.json}), holding the fields the catalog stores.
 * Unknown fields are ignored, as the contract's evolution rules require.
 *
 * @param id record id, also the message key
 * @param kind {@code MEETING} or {@code STATEMENT}
 * @param title headline
 * @param summary short account, or {@code null} when the body is given
 * @param body full text, or {@code null}
 * @param occurredOn date of the meeting or statement
 * @param place where it took place, or {@code null}
 * @param organization organization the record belongs to
 * @param bodies councils or organs that met or issued it
 * @param participants people or delegations that took part, or {@code null}
 * @param documentSymbols symbols of documents it was circulated under
 * @param topics taxonomy slugs
 * @param language BCP 47 language tag of its text
 * @param sourceUrl address of the original publication, or {@code null}
 * @param publishedAt instant ingest published it; a later one is a newer revision
 * @param publishedBy operator who posted it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordPublished(String id, String kind, String title, String summary, String body, LocalDate occurredOn,
		Place place, String organization, List<String> bodies, List<String> participants, List<String> documentSymbols,
		List<String> topics, String language, String sourceUrl, Instant publishedAt, String publishedBy) {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "dev.herald.record.published.v1";

	/**
	 * Where a meeting took place or a statement was issued.
	 *
	 * @param city city name
	 * @param country country name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Place(String city, String country) {
	}

}
