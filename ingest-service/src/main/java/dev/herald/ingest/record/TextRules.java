package dev.herald.ingest.record;

/**
 * What text fields may contain. Control characters (CR, LF, NUL and the rest of Unicode's
 * Cc category) never appear in one-line fields and only as tab, CR and LF in plain text;
 * explicit bidirectional embeddings, overrides and isolates are refused everywhere
 * because they can make text display differently from what it says; unpaired surrogates
 * cannot be encoded; and a text of nothing but spaces or invisible characters is blank.
 */
final class TextRules {

	private TextRules() {
	}

	/**
	 * Returns what is wrong with a text, or {@code null} if nothing is.
	 * @param text the text, not {@code null}
	 * @param lineBreaks whether tab, CR and LF are allowed
	 * @return a problem message, or {@code null}
	 */
	static String problem(String text, boolean lineBreaks) {
		boolean visible = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.getType(c) == Character.CONTROL && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
				return (lineBreaks ? "must not contain control characters other than tab and line breaks"
						: "must be a single line without control characters") + " (found " + codePoint(c) + ")";
			}
			if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
				return "must not contain bidirectional embedding, override or isolate characters (found " + codePoint(c)
						+ ")";
			}
			if (!lineBreaks && (c == '\u2028' || c == '\u2029')) {
				return "must be a single line (found " + codePoint(c) + ")";
			}
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					visible = true;
					continue;
				}
				return "must not contain unpaired surrogate characters (found " + codePoint(c) + ")";
			}
			visible = visible || isVisible(c);
		}
		return visible ? null : "must not be blank";
	}

	private static boolean isVisible(char c) {
		return !(Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
				|| Character.getType(c) == Character.CONTROL);
	}

	private static String codePoint(char c) {
		return String.format("U+%04X", (int) c);
	}

}
