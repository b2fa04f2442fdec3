package dev.herald.ingest.record;

/**
 * Helpers for Bean Validation messages.
 */
final class Messages {

	private Messages() {
	}

	/**
	 * Escapes a text so that Bean Validation's message interpolation leaves it as it is.
	 * @param text the literal message
	 * @return the message template
	 */
	static String literal(String text) {
		return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
