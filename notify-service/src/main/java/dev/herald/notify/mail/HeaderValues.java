package dev.herald.notify.mail;

/**
 * Makes untrusted text safe for a mail header: no CR, LF or other control character from
 * data ever reaches a header.
 */
public final class HeaderValues {

	private static final String ELLIPSIS = "\u2026";

	private HeaderValues() {
	}

	/**
	 * Replace control characters (CR, LF, tab, NUL, C1 controls, line and paragraph
	 * separators) with spaces, collapse runs of white space and trim.
	 * @param value untrusted text, may be {@code null}
	 * @return one clean line, empty for {@code null}
	 */
	public static String clean(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder line = new StringBuilder(value.length());
		boolean space = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = line.length() > 0;
				continue;
			}
			if (space) {
				line.append(' ');
				space = false;
			}
			line.append(c);
		}
		return line.toString();
	}

	/**
	 * Clean a value and shorten it to at most {@code max} characters, cutting on a word
	 * boundary and marking the cut with an ellipsis.
	 * @param value untrusted text
	 * @param max longest result
	 * @return the clean, trimmed text
	 */
	public static String trimmed(String value, int max) {
		String line = clean(value);
		if (line.length() <= max) {
			return line;
		}
		int limit = max - ELLIPSIS.length();
		int cut = line.lastIndexOf(' ', limit);
		if (cut < limit / 2) {
			cut = limit;
			if (Character.isHighSurrogate(line.charAt(cut - 1))) {
				cut--;
			}
		}
		return line.substring(0, cut).stripTrailing() + ELLIPSIS;
	}

}
