package dev.herald.ingest.record;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request body that is not acceptable JSON: malformed, with a repeated key, nested too
 * deeply, or not the expected kind of document. The problem says where.
 */
class MalformedJson extends ErrorResponseException {

	private MalformedJson(String detail, TokenStreamLocation location) {
		super(HttpStatus.BAD_REQUEST, problem(detail, location), null);
	}

	static MalformedJson of(JacksonException ex, int maxNestingDepth) {
		return new MalformedJson(describe(ex, maxNestingDepth, true), ex.getLocation());
	}

	static MalformedJson empty() {
		return new MalformedJson("The request body is empty; send a JSON document.", null);
	}

	static MalformedJson notAnArray() {
		return new MalformedJson("A batch is a JSON array of records (or application/x-ndjson, one record a line).",
				null);
	}

	static MalformedJson trailing(TokenStreamLocation location) {
		return new MalformedJson("Unexpected content after the JSON array" + at(location) + ".", location);
	}

	/**
	 * Describes what is wrong with a JSON text.
	 * @param ex the parser's exception
	 * @param maxNestingDepth the configured depth limit
	 * @param withPosition whether to say where
	 * @return a description
	 */
	static String describe(JacksonException ex, int maxNestingDepth, boolean withPosition) {
		String where = withPosition ? at(ex.getLocation()) : "";
		if (ex instanceof StreamConstraintsException && String.valueOf(ex.getOriginalMessage()).contains("nesting")) {
			return "JSON nested deeper than " + maxNestingDepth + " levels" + where + ".";
		}
		return "Malformed JSON" + where + ": " + clean(ex.getOriginalMessage());
	}

	private static String at(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static String clean(String message) {
		String text = String.valueOf(message);
		int source = text.indexOf(" (for ");
		if (source < 0) {
			source = text.indexOf("[Source");
		}
		text = (source >= 0) ? text.substring(0, source) : text;
		text = text.lines().findFirst().orElse("").strip();
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	private static ProblemDetail problem(String detail, TokenStreamLocation location) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail);
		if (location != null && location.getLineNr() > 0) {
			problem.setProperty("line", location.getLineNr());
			problem.setProperty("column", location.getColumnNr());
		}
		return problem;
	}

}
