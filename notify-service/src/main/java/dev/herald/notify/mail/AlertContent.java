package dev.herald.notify.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an alert says about a record, the same for every recipient. Every field may hold
 * untrusted record data: templates escape it in HTML, and only the cleaned title reaches
 * a header (the subject).
 *
 * @param kind {@code MEETING} or {@code STATEMENT}
 * @param title record title
 * @param occurredOn date of the meeting or statement
 * @param place city and country, or {@code null}
 * @param organization organization
 * @param bodies councils or organs
 * @param summary short account, or {@code null}
 * @param topics labels of the record's topics
 * @param documentSymbols document symbols
 * @param recordUrl the record's page in the catalog
 */
public record AlertContent(String kind, String title, LocalDate occurredOn, String place, String organization,
		List<String> bodies, String summary, List<String> topics, List<String> documentSymbols, String recordUrl) {

	/**
	 * The title on one line, whatever line breaks the record holds.
	 * @return the title without control characters
	 */
	public String titleLine() {
		return HeaderValues.clean(this.title);
	}

	/**
	 * What the alert templates show, worked out once: plain values, so that rendering is
	 * a lookup per placeholder rather than an expression over the record. Absent values
	 * are {@code null}; lists are joined.
	 * @param locale the language of the dates
	 * @return template variables
	 */
	Map<String, Object> variables(Locale locale) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("title", titleLine());
		variables.put("date", (this.occurredOn != null)
				? DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(this.occurredOn) : null);
		variables.put("place", this.place);
		variables.put("organization", this.organization);
		variables.put("bodies", joined(this.bodies, "; "));
		variables.put("documents", joined(this.documentSymbols, ", "));
		variables.put("topics", joined(this.topics, ", "));
		variables.put("summary", this.summary);
		variables.put("recordUrl", this.recordUrl);
		return variables;
	}

	private static String joined(List<String> values, String separator) {
		return (values == null || values.isEmpty()) ? null : String.join(separator, values);
	}

	/**
	 * The message key of the record's kind.
	 * @return {@code digest.statement} or {@code digest.meeting}
	 */
	String kindKey() {
		return "STATEMENT".equals(this.kind) ? "digest.statement" : "digest.meeting";
	}

}
