package dev.herald.notify.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What alerts show of a published record, stored once per record in the {@code records}
 * collection so that fan-out messages carry only ids.
 *
 * @param id record id
 * @param kind {@code MEETING} or {@code STATEMENT}
 * @param title title
 * @param summary short account, may be {@code null}
 * @param occurredOn date of the meeting or statement
 * @param city city, may be {@code null}
 * @param country country, may be {@code null}
 * @param organization organization
 * @param bodies councils or organs
 * @param documentSymbols document symbols
 * @param topics topic slugs
 * @param language language (BCP 47)
 * @param publishedAt when ingest published it
 * @param traceParent the W3C trace context of the record's match, which its sends
 * continue; {@code null} when not traced
 */
@Document(RecordSnapshot.COLLECTION)
public record RecordSnapshot(@Id String id, String kind, String title, String summary, LocalDate occurredOn,
		String city, String country, String organization, List<String> bodies, List<String> documentSymbols,
		List<String> topics, String language, Instant publishedAt, String traceParent) {

	/** Name of the collection. */
	public static final String COLLECTION = "records";

	/**
	 * The place as one line.
	 * @return {@code city, country}, either alone, or {@code null}
	 */
	public String place() {
		if (this.city == null || this.city.isBlank()) {
			return (this.country == null || this.country.isBlank()) ? null : this.country;
		}
		return (this.country == null || this.country.isBlank()) ? this.city : this.city + ", " + this.country;
	}

}
