package dev.herald.catalog.feed;

/**
 * Removes what XML 1.0 cannot carry (control characters other than tab, line feed and
 * carriage return, lone surrogates, U+FFFE and U+FFFF) so that no record text can break
 * the feed.
 */
final class XmlText {

	private XmlText() {
	}

	static String clean(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				clean.append(c).append(text.charAt(++i));
			}
			else if (allowed(c)) {
				clean.append(c);
			}
		}
		return clean.toString();
	}

	private static boolean allowed(char c) {
		if (Character.isSurrogate(c)) {
			return false;
		}
		return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
	}

}
