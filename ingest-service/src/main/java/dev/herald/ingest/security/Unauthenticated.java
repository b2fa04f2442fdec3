package dev.herald.ingest.security;

import java.net.URI;

import dev.herald.platform.web.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request without an accepted operator key. The problem says how to authenticate and
 * nothing about which keys exist.
 */
class Unauthenticated extends ErrorResponseException {

	static final URI TYPE = ProblemTypes.of("unauthenticated");

	private Unauthenticated(String detail, String challenge) {
		super(HttpStatus.UNAUTHORIZED, problem(detail), null);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
	}

	static Unauthenticated missingKey() {
		return new Unauthenticated("Send an operator API key as 'Authorization: Bearer <key>'.",
				"Bearer realm=\"herald-ingest\"");
	}

	static Unauthenticated rejectedKey() {
		return new Unauthenticated(
				"The API key was not accepted. Send an operator API key as " + "'Authorization: Bearer <key>'.",
				"Bearer realm=\"herald-ingest\", error=\"invalid_token\"");
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setType(TYPE);
		problem.setTitle("Unauthenticated");
		return problem;
	}

}
