package dev.herald.ingest.record;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules on each field of a posted record, as the contract's JSON Schema states them:
 * required fields, lengths in Unicode characters, list sizes, one-line and plain text,
 * document symbols, language tags and source URLs. Each broken rule is one problem, so a
 * field can have several.
 * <p>
 * Checked in plain code rather than with Bean Validation annotations: the same rules cost
 * a tenth as much, and ingest checks every record of every batch.
 */
final class RecordRules {

	static final String REQUIRED = "is required";

	private static final Pattern KIND = Pattern.compile("MEETING|STATEMENT");

	private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./()*_-]*");

	private static final Pattern LANGUAGE = Pattern.compile(
			"[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*");

	private static final Pattern URL_SHAPE = Pattern.compile("https?://[\\x21-\\x7E]+");

	static final String URL_MESSAGE = "must be an absolute http or https URL such as https://undocs.org/A/75/906 "
			+ "(ASCII only: percent-encode other characters and write the host in punycode)";

	private RecordRules() {
	}

	/**
	 * Adds the problems of each field of a record.
	 * @param record the record
	 * @param problems where problems go
	 */
	static void check(IncomingRecord record, List<FieldProblem> problems) {
		if (record.kind() == null) {
			problems.add(new FieldProblem("kind", REQUIRED));
		}
		else if (!KIND.matcher(record.kind()).matches()) {
			problems.add(new FieldProblem("kind", "must be MEETING or STATEMENT"));
		}
		text("title", record.title(), 500, true, false, problems);
		text("summary", record.summary(), 5000, false, true, problems);
		text("body", record.body(), 100_000, false, true, problems);
		if (record.occurredOn() == null) {
			problems.add(new FieldProblem("occurredOn", REQUIRED));
		}
		if (record.place() != null) {
			text("place.city", record.place().city(), 100, true, false, problems);
			text("place.country", record.place().country(), 100, true, false, problems);
		}
		text("organization", record.organization(), 200, true, false, problems);
		lines("bodies", record.bodies(), 50, problems);
		lines("participants", record.participants(), 200, problems);
		symbols(record.documentSymbols(), problems);
		entries("topics", record.topics(), 50, problems);
		language(record.language(), problems);
		if (record.sourceUrl() != null && !isWebUrl(record.sourceUrl())) {
			problems.add(new FieldProblem("sourceUrl", URL_MESSAGE));
		}
		text("externalId", record.externalId(), 200, false, false, problems);
	}

	private static void text(String field, String value, int maxCharacters, boolean required, boolean lineBreaks,
			List<FieldProblem> problems) {
		if (value == null) {
			if (required) {
				problems.add(new FieldProblem(field, REQUIRED));
			}
			return;
		}
		if (value.codePointCount(0, value.length()) > maxCharacters) {
			problems.add(new FieldProblem(field, "must be at most " + maxCharacters + " characters long"));
		}
		String problem = TextRules.problem(value, lineBreaks);
		if (problem != null) {
			problems.add(new FieldProblem(field, problem));
		}
	}

	private static boolean entries(String field, List<String> values, int maxEntries, List<FieldProblem> problems) {
		if (values == null) {
			return false;
		}
		if (values.size() > maxEntries) {
			problems.add(new FieldProblem(field, "must have at most " + maxEntries + " entries"));
		}
		return true;
	}

	private static void lines(String field, List<String> values, int maxEntries, List<FieldProblem> problems) {
		if (entries(field, values, maxEntries, problems)) {
			for (int i = 0; i < values.size(); i++) {
				text(field + "[" + i + "]", values.get(i), 200, false, false, problems);
			}
		}
	}

	private static void symbols(List<String> symbols, List<FieldProblem> problems) {
		if (!entries("documentSymbols", symbols, 50, problems)) {
			return;
		}
		for (int i = 0; i < symbols.size(); i++) {
			String symbol = symbols.get(i);
			if (symbol == null) {
				continue;
			}
			String field = "documentSymbols[" + i + "]";
			if (symbol.length() > 100) {
				problems.add(new FieldProblem(field, "must be at most 100 characters long"));
			}
			if (!SYMBOL.matcher(symbol).matches()) {
				problems.add(new FieldProblem(field,
						"must be a document symbol such as A/75/906: ASCII letters, digits and . / ( ) * _ -"));
			}
		}
	}

	private static void language(String language, List<FieldProblem> problems) {
		if (language == null) {
			problems
				.add(new FieldProblem("language", "is required: a BCP 47 language tag such as en, ru or sr-Latn-RS"));
			return;
		}
		if (language.length() > 35) {
			problems.add(new FieldProblem("language", "must be at most 35 characters long"));
		}
		if (!LANGUAGE.matcher(language).matches()) {
			problems.add(new FieldProblem("language", "must be a BCP 47 language tag such as en, ru or sr-Latn-RS "
					+ "(language, optional script, region and variants)"));
		}
	}

	/**
	 * Whether a text is an absolute http or https URL (lower-case scheme, a host, no user
	 * name or password), in ASCII as RFC 3986 requires, at most 2048 characters.
	 * @param value the text
	 * @return whether it is such a URL
	 */
	static boolean isWebUrl(String value) {
		if (value.length() > 2048 || !URL_SHAPE.matcher(value).matches()) {
			return false;
		}
		try {
			URI uri = new URI(value);
			return uri.isAbsolute() && uri.getHost() != null && uri.getRawUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
