package dev.herald.catalog.record;

import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The filter parameters shared by the API, the feed and the pages, as the client sent
 * them. Blank values mean "no filter"; {@link RecordQueryParser} checks the rest.
 *
 * @param q words that must all occur (any word form; English and Russian stemming)
 * @param topic taxonomy slugs, any of which must be among the record's topics
 * @param kind {@code MEETING} or {@code STATEMENT}
 * @param organization exact organization name
 * @param symbol document symbol; a trailing {@code *} matches every symbol starting so
 * @param from earliest date (inclusive)
 * @param to latest date (inclusive)
 * @param lang BCP 47 language; {@code ru} also matches {@code ru-RU}
 */
public record RecordFilter(
		@Parameter(
				description = "Words that must all occur in the record (title, summary, body, place, organization, "
						+ "bodies, participants). Word forms match: 'meetings' finds 'meeting', 'безопасности' finds "
						+ "'безопасность'. A word shaped like a document symbol (A/75/906) is matched whole.",
				example = "information security") String q,
		@Parameter(description = "Topic slug from GET /api/v1/topics; repeat for several (any of them).",
				array = @ArraySchema(
						schema = @Schema(type = "string", example = "information-security"))) List<String> topic,
		@Parameter(description = "Kind of record.", schema = @Schema(type = "string", allowableValues = {
				"MEETING", "STATEMENT" })) String kind,
		@Parameter(description = "Organization, exactly as stored.", example = "CSTO") String organization,
		@Parameter(description = "Document symbol, exactly; a trailing * matches every symbol that starts so.",
				example = "A/75/906") String symbol,
		@Parameter(description = "Earliest date of the meeting or statement (inclusive).",
				schema = @Schema(type = "string", format = "date", example = "2023-11-01")) String from,
		@Parameter(description = "Latest date of the meeting or statement (inclusive).",
				schema = @Schema(type = "string", format = "date", example = "2023-11-30")) String to,
		@Parameter(description = "Language of the record (BCP 47); 'ru' also matches 'ru-RU'.",
				example = "ru") String lang){

	/**
	 * Returns a filter with no conditions.
	 * @return the empty filter
	 */
	public static RecordFilter none() {
		return new RecordFilter(null, null, null, null, null, null, null, null);
	}

}
