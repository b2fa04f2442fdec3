package dev.herald.ingest.record;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A record with problems: every offending field is named, and when a topic is unknown the
 * known ones are listed.
 */
class InvalidRecord extends ErrorResponseException {

	private InvalidRecord(List<FieldProblem> problems, List<String> knownTopics) {
		super(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, "invalid-record", "Invalid record", describe(problems)), null);
		getBody().setProperty("errors", problems);
		if (knownTopics != null) {
			getBody().setProperty("knownTopics", knownTopics);
		}
	}

	static InvalidRecord of(List<FieldProblem> problems, List<String> knownTopics) {
		return new InvalidRecord(problems, knownTopics);
	}

	private static String describe(List<FieldProblem> problems) {
		String fields = problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
		return (problems.size() == 1) ? "The record has a problem in " + fields + "; nothing was published."
				: "The record has " + problems.size() + " problems, in " + fields + "; nothing was published.";
	}

}
