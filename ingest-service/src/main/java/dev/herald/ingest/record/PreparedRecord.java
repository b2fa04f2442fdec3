package dev.herald.ingest.record;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A valid record with its id and topics, ready to be published.
 *
 * @param id the assigned id
 * @param input the record as posted
 * @param topics the operator's topics and those its text matched
 */
record PreparedRecord(UUID id, IncomingRecord input, List<String> topics) {

	PublishedRecord toEvent(Instant publishedAt, String publishedBy) {
		IncomingRecord.Place place = this.input.place();
		return new PublishedRecord(this.id, this.input.kind(), this.input.title(), this.input.summary(),
				this.input.body(), this.input.occurredOn(),
				(place != null) ? new PublishedRecord.Place(place.city(), place.country()) : null,
				this.input.organization(), orEmpty(this.input.bodies()), this.input.participants(),
				orEmpty(this.input.documentSymbols()), this.topics, this.input.language(), this.input.sourceUrl(),
				publishedAt, publishedBy);
	}

	private static List<String> orEmpty(List<String> values) {
		return (values != null) ? values : List.of();
	}

}
