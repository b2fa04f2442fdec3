package dev.herald.platform.web;

import java.net.URI;

/**
 * The problem types of Herald's APIs ({@code type} of an RFC 9457 problem): one base for
 * every service, a slug per kind of problem.
 */
public final class ProblemTypes {

	/** What every Herald problem type starts with. */
	public static final String BASE = "https://herald.dev/problems/";

	private ProblemTypes() {
	}

	/**
	 * The type of a kind of problem.
	 * @param slug the kind, such as {@code body-too-large}
	 * @return its type
	 */
	public static URI of(String slug) {
		return URI.create(BASE + slug);
	}

	/**
	 * The slug of a Herald problem type.
	 * @param type a problem's type
	 * @return its slug, or {@code null} when it is not a Herald type
	 */
	public static String slugOf(URI type) {
		String text = (type != null) ? type.toString() : "";
		return text.startsWith(BASE) ? text.substring(BASE.length()) : null;
	}

}
