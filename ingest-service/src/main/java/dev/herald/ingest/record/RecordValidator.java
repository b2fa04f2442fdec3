package dev.herald.ingest.record;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.herald.contracts.Rfc3339;
import dev.herald.contracts.topics.Taxonomy;

import org.springframework.stereotype.Component;

/**
 * Checks the values of a well-shaped record: the rules of each field, then the rules that
 * need the taxonomy or today's date, and that no list repeats an entry.
 */
@Component
class RecordValidator {

	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	static final String UNKNOWN_TOPIC = "is not a known topic (see knownTopics)";

	private final Taxonomy taxonomy;

	private final Clock clock;

	RecordValidator(Taxonomy taxonomy, Clock clock) {
		this.taxonomy = taxonomy;
		this.clock = clock;
	}

	/**
	 * Returns every problem with a record's values, sorted by field.
	 * @param record the record
	 * @return the problems, empty if there are none
	 */
	List<FieldProblem> validate(IncomingRecord record) {
		List<FieldProblem> problems = new ArrayList<>();
		RecordRules.check(record, problems);
		checkSummaryOrBody(record, problems);
		checkOccurredOn(record.occurredOn(), problems);
		checkTopics(record.topics(), problems);
		checkRepeats("bodies", record.bodies(), problems);
		checkRepeats("participants", record.participants(), problems);
		checkRepeats("documentSymbols", record.documentSymbols(), problems);
		checkRepeats("topics", record.topics(), problems);
		problems.sort(Comparator.comparing(FieldProblem::field));
		return problems;
	}

	private void checkSummaryOrBody(IncomingRecord record, List<FieldProblem> problems) {
		if (record.summary() == null && record.body() == null) {
			problems.add(new FieldProblem("summary", "is required unless body is given"));
		}
	}

	private void checkOccurredOn(String occurredOn, List<FieldProblem> problems) {
		if (occurredOn == null) {
			return;
		}
		LocalDate date;
		try {
			date = Rfc3339.fullDate(occurredOn);
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem("occurredOn", "must be a date as YYYY-MM-DD, such as 2023-11-13"));
			return;
		}
		LocalDate latest = LocalDate.now(this.clock).plusYears(1);
		if (date.isAfter(latest)) {
			problems.add(new FieldProblem("occurredOn", "must not be more than a year ahead (latest: " + latest + ")"));
		}
		else if (date.isBefore(EARLIEST)) {
			problems.add(new FieldProblem("occurredOn", "must not be before " + EARLIEST));
		}
	}

	private void checkTopics(List<String> topics, List<FieldProblem> problems) {
		if (topics == null) {
			return;
		}
		for (int i = 0; i < topics.size(); i++) {
			if (!this.taxonomy.contains(topics.get(i))) {
				problems.add(new FieldProblem("topics[" + i + "]", UNKNOWN_TOPIC));
			}
		}
	}

	private static void checkRepeats(String field, List<String> values, List<FieldProblem> problems) {
		if (values == null) {
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < values.size(); i++) {
			if (!seen.add(values.get(i))) {
				problems.add(new FieldProblem(field + "[" + i + "]", "repeats an earlier entry"));
			}
		}
	}

}
