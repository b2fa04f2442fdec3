package dev.herald.notify.mail;

import java.time.LocalDate;
import java.util.List;

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
	 * The kind as a word for the subject and body.
	 * @return {@code Statement} or {@code Meeting}
	 */
	public String kindLabel() {
		return "STATEMENT".equals(this.kind) ? "Statement" : "Meeting";
	}

}
