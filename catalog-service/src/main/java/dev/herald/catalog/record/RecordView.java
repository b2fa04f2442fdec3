package dev.herald.catalog.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A record as the API shows it: the event's fields as published, plus links. Absent
 * optional fields are left out.
 *
 * @param id record id
 * @param kind {@code MEETING} or {@code STATEMENT}
 * @param title headline
 * @param summary short account
 * @param body full text
 * @param occurredOn date of the meeting or statement
 * @param place where
 * @param organization organization
 * @param bodies councils or organs
 * @param participants participants
 * @param documentSymbols document symbols
 * @param topics taxonomy slugs
 * @param language BCP 47 language tag
 * @param sourceUrl original publication
 * @param publishedAt instant of this revision
 * @param publishedBy operator
 * @param links links to this record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Record", description = "A published meeting or statement.")
public record RecordView(@Schema(example = "3f0c9d2e-6b1a-4c55-9f7e-2d8a41b07c13") String id,
		@Schema(allowableValues = {
				"MEETING", "STATEMENT" }) String kind,
		@Schema(example = "Meeting of the CSTO Collective Security Council in Minsk") String title,
		@Schema(example = "A meeting of the CSTO Collective Security Council was held in Minsk on 23 November.") String summary,
		String body, @Schema(example = "2023-11-23") LocalDate occurredOn, RecordDocument.Place place,
		@Schema(example = "CSTO") String organization, List<String> bodies, List<String> participants,
		@Schema(example = "[\"A/75/906\", \"S/2021/534\"]") List<String> documentSymbols,
		@Schema(example = "[\"collective-security\"]") List<String> topics, @Schema(example = "en") String language,
		String sourceUrl, @Schema(example = "2023-11-23T17:05:00Z") Instant publishedAt,
		@Schema(example = "press-office") String publishedBy, Links links){

	/**
	 * Creates the view of a stored record.
	 * @param record the record
	 * @param base the service's base URL
	 * @return the view
	 */
	public static RecordView of(RecordDocument record, UriComponentsBuilder base) {
		Links links = new Links(
				base.cloneBuilder().path("/api/v1/records/{id}").buildAndExpand(record.id()).toUriString(),
				base.cloneBuilder().path("/records/{id}").buildAndExpand(record.id()).toUriString());
		return new RecordView(record.id(), record.kind(), record.title(), record.summary(), record.body(),
				record.occurredOnDate(), record.place(), record.organization(), record.bodies(), record.participants(),
				record.documentSymbols(), record.topics(), record.language(), record.sourceUrl(),
				record.publishedAtInstant(), record.publishedBy(), links);
	}

	/**
	 * Where to find the record.
	 *
	 * @param self this record in the API
	 * @param html the record's page for people
	 */
	public record Links(String self, String html) {
	}

}
