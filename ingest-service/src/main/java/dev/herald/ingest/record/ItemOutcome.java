package dev.herald.ingest.record;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What became of one item of a batch.
 *
 * @param index position in the batch, from 0
 * @param line line number in an NDJSON batch
 * @param externalId the item's externalId, if it had one
 * @param status accepted, rejected, or not-published (valid, but Kafka did not
 * acknowledge it)
 * @param id the record id (accepted and not-published items)
 * @param topics the record's topics (accepted items)
 * @param publishedAt when it was accepted (accepted items)
 * @param location the record in the catalog, an absolute URL (accepted items)
 * @param errors what is wrong with it (rejected items)
 * @param knownTopics the known topics, when an unknown one was given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ItemOutcome(int index, Integer line, String externalId, Status status, UUID id, List<String> topics,
		Instant publishedAt, @Schema(type = "string", format = "uri") String location, List<FieldProblem> errors,
		List<String> knownTopics) {

	static ItemOutcome rejected(RecordJson.BatchItem item, List<FieldProblem> errors, List<String> knownTopics) {
		return new ItemOutcome(item.index(), item.line(), item.externalId(), Status.REJECTED, null, null, null, null,
				errors, knownTopics);
	}

	static ItemOutcome accepted(RecordJson.BatchItem item, PublishedRecord event, String location) {
		return new ItemOutcome(item.index(), item.line(), item.externalId(), Status.ACCEPTED, event.id(),
				event.topics(), event.publishedAt(), location, null, null);
	}

	static ItemOutcome notPublished(RecordJson.BatchItem item, PublishedRecord event) {
		return new ItemOutcome(item.index(), item.line(), item.externalId(), Status.NOT_PUBLISHED, event.id(), null,
				null, null, null, null);
	}

	/**
	 * Outcome of a batch item.
	 */
	enum Status {

		ACCEPTED("accepted"), REJECTED("rejected"), NOT_PUBLISHED("not-published");

		private final String value;

		Status(String value) {
			this.value = value;
		}

		@JsonValue
		String value() {
			return this.value;
		}

	}

}
