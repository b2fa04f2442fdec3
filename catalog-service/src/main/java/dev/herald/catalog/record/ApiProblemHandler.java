package dev.herald.catalog.record;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

}
