package dev.herald.ingest.record;

/**
 * One thing wrong with a posted record.
 *
 * @param field where: a field name, {@code place.city}, {@code bodies[2]}, a header name,
 * or {@code $} for the record as a whole
 * @param message what is wrong, in words an operator can act on
 */
record FieldProblem(String field, String message) {

	static final String WHOLE_RECORD = "$";

}
