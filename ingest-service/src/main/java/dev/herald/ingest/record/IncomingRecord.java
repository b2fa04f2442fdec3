package dev.herald.ingest.record;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * A record as an operator posts it: the contract's record event without the fields the
 * service assigns ({@code id}, {@code publishedAt}, {@code publishedBy}). Lengths count
 * Unicode characters (code points), as the contract's JSON Schema does.
 *
 * @param kind MEETING or STATEMENT
 * @param title one-line headline
 * @param summary short plain-text account; summary or body is required
 * @param body full plain text; summary or body is required
 * @param occurredOn date of the meeting or statement (YYYY-MM-DD)
 * @param place where it took place
 * @param organization organization the record belongs to
 * @param bodies councils or organs that met or issued the record
 * @param participants people or delegations that took part
 * @param documentSymbols symbols of documents the record was circulated as
 * @param topics taxonomy slugs chosen by the operator
 * @param language BCP 47 tag of the record's language
 * @param sourceUrl http(s) address of the original publication
 * @param externalId the operator's own key for the record: posting it again yields the
 * same record id
 */
@Schema(name = "IncomingRecord", description = "A meeting or statement record as an operator posts it. "
		+ "Fields the service assigns (id, publishedAt, publishedBy) and unknown fields are refused.")
record IncomingRecord(

		@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {
				"MEETING", "STATEMENT" }) String kind,

		@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 500, description = "One line.") String title,

		@Schema(maxLength = 5000,
				description = "Plain text; line breaks allowed. Required unless body is given.") String summary,

		@Schema(maxLength = 100000,
				description = "Plain text; line breaks allowed. Required unless summary is given.") String body,

		@Schema(requiredMode = RequiredMode.REQUIRED, format = "date", example = "2023-11-13",
				description = "YYYY-MM-DD, not more than a year ahead.") String occurredOn,

		Place place,

		@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 200, example = "CSTO") String organization,

		@Schema(description = "Councils or organs that met or issued the record; at most 50.") List<String> bodies,

		@Schema(description = "People or delegations that took part; at most 200.") List<String> participants,

		@Schema(description = "Document symbols such as A/75/906; at most 50.") List<String> documentSymbols,

		@Schema(description = "Slugs of the topic taxonomy; the service adds those whose keywords match the text.") List<String> topics,

		@Schema(requiredMode = RequiredMode.REQUIRED, example = "en", maxLength = 35) String language,

		@Schema(format = "uri", maxLength = 2048, example = "https://undocs.org/A/75/906") String sourceUrl,

		@Schema(description = "The operator's own key for this record: posting the same key again yields the same "
				+ "record id. On a single post the Idempotency-Key header does the same.",
				maxLength = 200) String externalId){

	/**
	 * Where the meeting took place or the statement was issued.
	 *
	 * @param city city name
	 * @param country country name
	 */
	record Place(@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 100, example = "Minsk") String city,
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 100, example = "Belarus") String country) {
	}

}
