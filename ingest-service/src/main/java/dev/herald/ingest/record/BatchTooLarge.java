package dev.herald.ingest.record;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A batch with more records than one request may carry. Answered with 413 (the request is
 * larger than the service will process), before any item is checked or published.
 */
class BatchTooLarge extends ErrorResponseException {

	private BatchTooLarge(int maxItems) {
		super(HttpStatus.CONTENT_TOO_LARGE,
				Problems.of(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Too many records in the batch",
						"A batch holds at most " + maxItems
								+ " records; nothing was published. Split it into smaller batches."),
				null);
		getBody().setProperty("maxItems", maxItems);
	}

	static BatchTooLarge of(int maxItems) {
		return new BatchTooLarge(maxItems);
	}

}
