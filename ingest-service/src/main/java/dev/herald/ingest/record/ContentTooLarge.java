package dev.herald.ingest.record;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * A request body over the size limit of its endpoint.
 */
class ContentTooLarge extends ErrorResponseException {

	private ContentTooLarge(DataSize limit) {
		super(HttpStatus.CONTENT_TOO_LARGE,
				Problems.of(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Request body too large",
						"The request body is larger than the " + limit.toBytes() + " bytes (" + describe(limit)
								+ ") this endpoint accepts."),
				null);
		getBody().setProperty("maxBytes", limit.toBytes());
	}

	static ContentTooLarge of(DataSize limit) {
		return new ContentTooLarge(limit);
	}

	private static String describe(DataSize limit) {
		return (limit.toMegabytes() > 0 && limit.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0)
				? limit.toMegabytes() + " MiB" : limit.toKilobytes() + " KiB";
	}

}
