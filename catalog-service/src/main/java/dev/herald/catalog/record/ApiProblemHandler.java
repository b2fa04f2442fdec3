package dev.herald.catalog.record;

import com.mongodb.MongoExecutionTimeoutException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the API's and the feed's errors into RFC 9457 problems
 * ({@code application/problem+json}). The HTML pages handle their own errors.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidParameter(InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("parameter", ex.parameter());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(RecordNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(SearchesBusyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "2")
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()));
	}

	/**
	 * A query MongoDB stopped at the time limit (the server is busy or the query too
	 * broad), or MongoDB out of reach: a 503 problem the reader may retry, never a 500.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex) {
		boolean tooLong = NestedExceptionUtils.getMostSpecificCause(ex) instanceof MongoExecutionTimeoutException;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				tooLong ? "The query took longer than the catalog allows; narrow it or try again later"
						: "The catalog's store is out of reach; try again later");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

}
