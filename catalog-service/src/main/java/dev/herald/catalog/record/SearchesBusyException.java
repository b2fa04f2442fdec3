package dev.herald.catalog.record;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when as many searches run as the catalog allows and none ended within the time
 * limit: the reader may try again shortly.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class SearchesBusyException extends RuntimeException {

	SearchesBusyException() {
		super("The catalog is answering as many searches as it can; try again in a few seconds");
	}

}
