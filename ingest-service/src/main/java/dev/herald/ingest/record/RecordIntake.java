package dev.herald.ingest.record;

import java.util.ArrayList;
import java.util.List;

import dev.herald.ingest.security.Operator;
import dev.herald.ingest.topic.TopicClassifier;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Turns one posted JSON record into a record ready to publish, or into the complete list
 * of its problems: shape, values, idempotency key; then assigns its id and topics.
 */
@Component
class RecordIntake {

	private final RecordJson json;

	private final RecordValidator validator;

	private final TopicClassifier classifier;

	private final RecordIds ids;

	RecordIntake(RecordJson json, RecordValidator validator, TopicClassifier classifier, RecordIds ids) {
		this.json = json;
		this.validator = validator;
		this.classifier = classifier;
		this.ids = ids;
	}

	/**
	 * Checks a posted record.
	 * @param node the parsed JSON of one record
	 * @param operator who posted it
	 * @param idempotencyKey the Idempotency-Key header, or {@code null}
	 * @return the prepared record, or the problems
	 */
	Checked check(JsonNode node, Operator operator, String idempotencyKey) {
		RecordShape.Shaped shaped = RecordShape.check(node);
		if (shaped.clean() == null) {
			return Checked.rejected(shaped.problems());
		}
		IncomingRecord record = this.json.toRecord(shaped.clean());
		List<FieldProblem> problems = new ArrayList<>(shaped.problems());
		this.validator.validate(record)
			.stream()
			.filter((problem) -> !shaped.misshapen().contains(root(problem.field())))
			.forEach(problems::add);
		checkIdempotencyKey(idempotencyKey, record.externalId(), problems);
		if (!problems.isEmpty()) {
			return Checked.rejected(problems);
		}
		String key = (idempotencyKey != null) ? idempotencyKey : record.externalId();
		return Checked.accepted(new PreparedRecord(
				(key != null) ? this.ids.forKey(operator.name(), key) : this.ids.next(), record,
				this.classifier.topicsFor(orEmpty(record.topics()), record.title(), record.summary(), record.body())));
	}

	private static void checkIdempotencyKey(String key, String externalId, List<FieldProblem> problems) {
		if (key == null) {
			return;
		}
		if (key.isBlank() || key.length() > 200 || !key.chars().allMatch((c) -> c >= 0x20 && c <= 0x7E)) {
			problems
				.add(new FieldProblem(RecordController.IDEMPOTENCY_KEY, "must be 1 to 200 printable ASCII characters"));
		}
		else if (externalId != null && !externalId.equals(key)) {
			problems
				.add(new FieldProblem("externalId", "differs from the Idempotency-Key header; send one or the other"));
		}
	}

	private static String root(String field) {
		int end = field.length();
		for (int i = 0; i < field.length(); i++) {
			if (field.charAt(i) == '.' || field.charAt(i) == '[') {
				end = i;
				break;
			}
		}
		return field.substring(0, end);
	}

	private static List<String> orEmpty(List<String> values) {
		return (values != null) ? values : List.of();
	}

	/**
	 * The outcome of checking one record.
	 *
	 * @param record the prepared record, or {@code null} if it was rejected
	 * @param problems the problems, empty if it was accepted
	 */
	record Checked(PreparedRecord record, List<FieldProblem> problems) {

		static Checked accepted(PreparedRecord record) {
			return new Checked(record, List.of());
		}

		static Checked rejected(List<FieldProblem> problems) {
			return new Checked(null, List.copyOf(problems));
		}

		boolean valid() {
			return this.record != null;
		}

		boolean hasUnknownTopic() {
			return this.problems.stream()
				.anyMatch((problem) -> RecordValidator.UNKNOWN_TOPIC.equals(problem.message()));
		}

	}

}
