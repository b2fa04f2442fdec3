package dev.herald.notify.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.notify.admin.AdminAccessDeniedException;
import dev.herald.notify.ratelimit.RateLimitExceededException;
import dev.herald.notify.subscription.InvalidSubscriptionException;
import dev.herald.notify.subscription.MailUnavailableException;
import dev.herald.notify.token.InvalidTokenException;
import dev.herald.platform.web.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the JSON API's errors into RFC 9457 problem details
 * ({@code application/problem+json}), with the offending fields. It comes before Spring
 * Boot's own problem details handler, which answers the rest (405, 415, ...).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

	private static final Logger logger = LoggerFactory.getLogger(ProblemAdvice.class);

	private final Taxonomy topics;

	ProblemAdvice(Taxonomy topics) {
		this.topics = topics;
	}

	@ExceptionHandler(InvalidSubscriptionException.class)
	ResponseEntity<ProblemDetail> invalidSubscription(InvalidSubscriptionException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"One or more fields are invalid; nothing was stored or sent.");
		problem.setProperty("errors",
				ex.errors()
					.entrySet()
					.stream()
					.map((error) -> Map.of("field", error.getKey(), "message", error.getValue()))
					.toList());
		if (ex.errors().containsKey("topics")) {
			problem.setProperty("unknownTopics", ex.unknownTopics());
			problem.setProperty("knownTopics", this.topics.slugs());
		}
		return respond(problem);
	}

	@ExceptionHandler(RateLimitExceededException.class)
	ResponseEntity<ProblemDetail> rateLimited(RateLimitExceededException ex) {
		ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
				ex.getMessage() + "; no email was sent. Try again later.");
		problem.setProperty("retryAfterSeconds", ex.retryAfterSeconds());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem);
	}

	@ExceptionHandler(MailUnavailableException.class)
	ResponseEntity<ProblemDetail> mailUnavailable(MailUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "60")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "mail-unavailable", "Email unavailable",
					"The email could not be sent now; try again later."));
	}

	@ExceptionHandler(InvalidTokenException.class)
	ResponseEntity<ProblemDetail> invalidToken(InvalidTokenException ex) {
		logger.info("Refused a subscriber token: {}", ex.reason());
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.body(problem(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
					"The token is invalid or has expired; request a new link through the subscribe form."));
	}

	@ExceptionHandler(AdminAccessDeniedException.class)
	ResponseEntity<ProblemDetail> adminDenied(AdminAccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", ex.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
				"The request body is not valid JSON of the expected shape; nothing was stored or sent.");
		String field = field(ex);
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", "has the wrong type")));
		}
		return respond(problem);
	}

	/**
	 * The JSON path of the value that could not be read, such as {@code quietHours.from}.
	 */
	private static String field(Throwable ex) {
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (JacksonException.Reference reference : jackson.getPath()) {
					if (reference.getPropertyName() != null) {
						path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
					}
					else if (reference.getIndex() >= 0) {
						path.append('[').append(reference.getIndex()).append(']');
					}
				}
				return (path.length() > 0) ? path.toString() : null;
			}
		}
		return null;
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, IllegalArgumentException.class })
	ResponseEntity<ProblemDetail> badParameter(Exception ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"A parameter is invalid.");
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			problem.setProperty("errors", List.of(Map.of("field", mismatch.getName(), "message", "is invalid")));
		}
		else {
			problem.setDetail(ex.getMessage());
		}
		return respond(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(type));
		problem.setTitle(title);
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
