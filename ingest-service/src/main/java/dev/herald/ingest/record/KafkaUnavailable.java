package dev.herald.ingest.record;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Kafka did not acknowledge a request's records in time. No record of a single post was
 * accepted; a batch answer lists which items were acknowledged and which were not.
 */
class KafkaUnavailable extends ErrorResponseException {

	private KafkaUnavailable(String detail, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable",
				"Records cannot be published right now", detail), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

	static KafkaUnavailable forRecord(Duration retryAfter) {
		return new KafkaUnavailable("Kafka did not acknowledge the record, so it was not accepted. "
				+ "Retry later; with the same Idempotency-Key the record keeps its id.", retryAfter);
	}

	static KafkaUnavailable forBatch(Duration retryAfter, BatchResult result) {
		KafkaUnavailable unavailable = new KafkaUnavailable("Kafka did not acknowledge " + result.notPublished()
				+ " of the batch's records; items lists each one's outcome. Retry the items that were not published; "
				+ "with the same externalId they keep their ids.", retryAfter);
		unavailable.getBody().setProperty("accepted", result.accepted());
		unavailable.getBody().setProperty("rejected", result.rejected());
		unavailable.getBody().setProperty("notPublished", result.notPublished());
		unavailable.getBody().setProperty("items", result.items());
		return unavailable;
	}

}
