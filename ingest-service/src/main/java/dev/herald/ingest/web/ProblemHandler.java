package dev.herald.ingest.web;

import java.net.URI;

import dev.herald.ingest.IngestMetrics;
import dev.herald.platform.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error as an RFC 9457 problem ({@code application/problem+json}) and
 * counts the requests to the records API it refuses, by reason. Unexpected errors are
 * logged and answered without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemHandler.class);

	private static final String RECORDS_API = "/api/v1/records";

	private final IngestMetrics metrics;

	ProblemHandler(IngestMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		logger.error("Unexpected error handling " + describe(request), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The service failed to handle the request. Nothing was published.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		Object problem = (body == null && ex instanceof ErrorResponse response) ? response.getBody() : body;
		if (problem instanceof ProblemDetail detail && isRecordsApi(request)) {
			this.metrics.rejected(reason(detail, statusCode), 1);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static String reason(ProblemDetail problem, HttpStatusCode status) {
		String slug = ProblemTypes.slugOf(problem.getType());
		if (slug != null) {
			return slug;
		}
		return switch (status.value()) {
			case 413 -> "content-too-large";
			case 415 -> "unsupported-media-type";
			default -> "other";
		};
	}

	private static boolean isRecordsApi(WebRequest request) {
		HttpServletRequest servletRequest = (request instanceof NativeWebRequest nativeRequest)
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
		return servletRequest != null && servletRequest.getRequestURI().startsWith(RECORDS_API);
	}

	private static String describe(WebRequest request) {
		return request.getDescription(false);
	}

}
