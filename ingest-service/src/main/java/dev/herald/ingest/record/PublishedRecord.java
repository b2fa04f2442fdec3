package dev.herald.ingest.record;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The event the service publishes on the records topic: the value of a
 * {@code dev.herald.record.published.v1} message, as {@code contracts/} describes it.
 * Optional fields that were not given are left out.
 *
 * @param id record id, also the message key
 * @param kind MEETING or STATEMENT
 * @param title headline
 * @param summary short account
 * @param body full text
 * @param occurredOn date of the meeting or statement
 * @param place where it took place
 * @param organization organization the record belongs to
 * @param bodies organs that met or issued it, possibly empty
 * @param participants who took part
 * @param documentSymbols document symbols, possibly empty
 * @param topics the operator's topics and those the keywords matched, possibly empty
 * @param language BCP 47 tag
 * @param sourceUrl address of the original
 * @param publishedAt instant the service accepted it
 * @param publishedBy operator who posted it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PublishedRecord(UUID id, String kind, String title, String summary, String body, String occurredOn, Place place,
		String organization, List<String> bodies, List<String> participants, List<String> documentSymbols,
		List<String> topics, String language, String sourceUrl, Instant publishedAt, String publishedBy) {

	/**
	 * Where it took place.
	 *
	 * @param city city name
	 * @param country country name
	 */
	record Place(String city, String country) {
	}

}
