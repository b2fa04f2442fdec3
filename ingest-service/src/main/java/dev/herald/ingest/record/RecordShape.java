package dev.herald.ingest.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shape of a posted record before its values are checked: an object with known fields
 * only, none of those the service assigns, each of the right JSON type. Each misshapen
 * field is reported and left out, so that the value checks can still report every other
 * field.
 */
final class RecordShape {

	static final Set<String> SERVER_OWNED = Set.of("id", "publishedAt", "publishedBy");

	private static final Map<String, Kind> FIELDS = new LinkedHashMap<>();

	static {
		List.of("kind", "title", "summary", "body", "occurredOn", "organization", "language", "sourceUrl", "externalId")
			.forEach((name) -> FIELDS.put(name, Kind.TEXT));
		List.of("bodies", "participants", "documentSymbols", "topics")
			.forEach((name) -> FIELDS.put(name, Kind.TEXT_LIST));
		FIELDS.put("place", Kind.PLACE);
	}

	private RecordShape() {
	}

	/**
	 * Checks the shape of a posted record.
	 * @param node the parsed JSON
	 * @return the problems and the record with the misshapen fields removed, or
	 * {@code null} if the node is no object at all
	 */
	static Shaped check(JsonNode node) {
		if (!node.isObject()) {
			return new Shaped(null, List.of(new FieldProblem(FieldProblem.WHOLE_RECORD,
					"must be a JSON object (a record), not " + describe(node))), Set.of());
		}
		// Copied only when a field must be left out: most records are well shaped.
		ObjectNode clean = null;
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> misshapen = new LinkedHashSet<>();
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			String problem = problem(field.getKey(), field.getValue(), problems);
			if (problem != null) {
				problems.add(new FieldProblem(field.getKey(), problem));
			}
			if (problem != null || hasProblemWithin(problems, field.getKey())) {
				misshapen.add(field.getKey());
			}
		}
		if (!misshapen.isEmpty()) {
			clean = (ObjectNode) node.deepCopy();
			misshapen.forEach(clean::remove);
		}
		return new Shaped((clean != null) ? clean : (ObjectNode) node, problems, misshapen);
	}

	private static String problem(String name, JsonNode value, List<FieldProblem> problems) {
		if (SERVER_OWNED.contains(name)) {
			return "is assigned by the service and must not be sent";
		}
		Kind kind = FIELDS.get(name);
		if (kind == null) {
			return "is not a field of a record (fields: " + String.join(", ", FIELDS.keySet()) + ")";
		}
		if (value.isNull()) {
			return null;
		}
		return switch (kind) {
			case TEXT -> value.isString() ? null : "must be a string, not " + describe(value);
			case TEXT_LIST -> listProblem(name, value, problems);
			case PLACE -> placeProblem(value, problems);
		};
	}

	private static String listProblem(String name, JsonNode value, List<FieldProblem> problems) {
		if (!value.isArray()) {
			return "must be an array of strings, not " + describe(value);
		}
		for (int i = 0; i < value.size(); i++) {
			if (!value.get(i).isString()) {
				problems.add(new FieldProblem(name + "[" + i + "]", "must be a string, not " + describe(value.get(i))));
			}
		}
		return null;
	}

	private static String placeProblem(JsonNode value, List<FieldProblem> problems) {
		if (!value.isObject()) {
			return "must be an object with city and country, not " + describe(value);
		}
		for (Map.Entry<String, JsonNode> field : value.properties()) {
			String path = "place." + field.getKey();
			if (!field.getKey().equals("city") && !field.getKey().equals("country")) {
				problems.add(new FieldProblem(path, "is not a field of a place (fields: city, country)"));
			}
			else if (!field.getValue().isString() && !field.getValue().isNull()) {
				problems.add(new FieldProblem(path, "must be a string, not " + describe(field.getValue())));
			}
		}
		return null;
	}

	private static boolean hasProblemWithin(List<FieldProblem> problems, String field) {
		for (FieldProblem problem : problems) {
			String path = problem.field();
			if (path.length() > field.length() && path.startsWith(field)
					&& (path.charAt(field.length()) == '[' || path.charAt(field.length()) == '.')) {
				return true;
			}
		}
		return false;
	}

	static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case OBJECT, POJO -> "an object";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case NULL, MISSING -> "null";
			case STRING, BINARY -> "a string";
		};
	}

	private enum Kind {

		TEXT, TEXT_LIST, PLACE

	}

	/**
	 * A checked shape.
	 *
	 * @param clean the record's fields without the misshapen ones, or {@code null}
	 * @param problems what is wrong with the shape
	 * @param misshapen names of the fields left out
	 */
	record Shaped(ObjectNode clean, List<FieldProblem> problems, Set<String> misshapen) {
	}

}
