package dev.herald.ingest.record;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A batch request that cannot be processed as a whole.
 */
class InvalidBatch extends ErrorResponseException {

	private InvalidBatch(String detail) {
		super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "invalid-batch", "Invalid batch",
				detail + " Nothing was published."), null);
	}

	static InvalidBatch empty() {
		return new InvalidBatch("The batch holds no records.");
	}

	static InvalidBatch idempotencyKeyHeader() {
		return new InvalidBatch("The Idempotency-Key header applies to single records; "
				+ "give each batch item its own externalId instead.");
	}

}
