package dev.herald.ingest.record;

import java.net.URI;

import dev.herald.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problem types of the records API; each type's last path segment is also the reason tag
 * of the rejected-records counter.
 */
final class Problems {

	private Problems() {
	}

	static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(type));
		problem.setTitle(title);
		return problem;
	}

}
