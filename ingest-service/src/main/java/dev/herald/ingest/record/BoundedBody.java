package dev.herald.ingest.record;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * Reads a request body up to a limit. A declared length over the limit is refused before
 * reading; a body without a declared length (chunked) is refused as soon as it passes the
 * limit.
 */
final class BoundedBody {

	private BoundedBody() {
	}

	static byte[] read(HttpServletRequest request, DataSize limit) {
		long max = limit.toBytes();
		if (request.getContentLengthLong() > max) {
			throw ContentTooLarge.of(limit);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		}
		catch (IOException ex) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
					"unreadable-body", "Unreadable request body", "The request body could not be read."), ex);
		}
		if (body.length > max) {
			throw ContentTooLarge.of(limit);
		}
		return body;
	}

}
