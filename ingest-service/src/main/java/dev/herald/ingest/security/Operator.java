package dev.herald.ingest.security;

/**
 * An authenticated operator; the name becomes {@code publishedBy} of the records the
 * operator posts.
 *
 * @param name the operator's configured name
 */
public record Operator(String name) {

	/** Request attribute under which the authenticated operator is stored. */
	public static final String ATTRIBUTE = "dev.herald.ingest.security.Operator";

}
