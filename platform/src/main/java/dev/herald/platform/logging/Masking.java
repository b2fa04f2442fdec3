package dev.herald.platform.logging;

import java.util.Locale;

/**
 * Masks what must not reach a log or a stored error text: email addresses keep their
 * first letter and domain ({@code j***@example.org}), and the values of tokens and keys
 * ({@code token=}, {@code key=}, {@code Bearer}) become {@code ***}. Runs in time linear
 * in the text (no regular expression that could backtrack on a hostile reply).
 */
public final class Masking {

	private static final String HIDDEN = "***";

	private static final String[] SECRET_PREFIXES = { "token=", "key=", "bearer " };

	private Masking() {
	}

	/**
	 * Masks one email address.
	 * @param address the address, may be {@code null}
	 * @return the masked address, such as {@code j***@example.org}
	 */
	public static String email(String address) {
		if (address == null) {
			return null;
		}
		int at = address.lastIndexOf('@');
		if (at <= 0) {
			return HIDDEN;
		}
		return address.charAt(0) + HIDDEN + address.substring(at);
	}

	/**
	 * Masks every email address and every token or key value in a text.
	 * @param text the text, may be {@code null}
	 * @return the text with them masked
	 */
	public static String text(String text) {
		if (text == null || (text.indexOf('@') < 0 && !mayHoldSecret(text))) {
			return text;
		}
		return secrets(emails(text));
	}

	/**
	 * A copy of an exception, and of its causes, whose messages are masked and whose
	 * stack traces are kept: for logging a failure that may quote an address.
	 * @param ex the exception
	 * @return the masked copy
	 */
	public static Throwable exception(Throwable ex) {
		return masked(ex, 0);
	}

	private static Throwable masked(Throwable ex, int depth) {
		if (ex == null || depth > 10) {
			return null;
		}
		MaskedException copy = new MaskedException(ex.getClass().getName() + ": " + text(ex.getMessage()),
				masked((ex.getCause() != ex) ? ex.getCause() : null, depth + 1));
		copy.setStackTrace(ex.getStackTrace());
		return copy;
	}

	private static String emails(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int copied = 0;
		int at = text.indexOf('@');
		while (at >= 0) {
			int start = at;
			while (start > copied && isLocalPart(text.charAt(start - 1))) {
				start--;
			}
			int end = at + 1;
			while (end < text.length() && isDomain(text.charAt(end))) {
				end++;
			}
			int next = text.indexOf('@', Math.max(end, at + 1));
			if (start < at && end > at + 1 && text.substring(at + 1, end).indexOf('.') > 0) {
				out.append(text, copied, start).append(text.charAt(start)).append(HIDDEN);
				copied = at;
			}
			at = next;
		}
		return out.append(text, copied, text.length()).toString();
	}

	private static String secrets(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(text.length());
		int copied = 0;
		for (int i = 0; i < text.length(); i++) {
			for (String prefix : SECRET_PREFIXES) {
				if (lower.startsWith(prefix, i) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
					int valueStart = i + prefix.length();
					int end = valueStart;
					while (end < text.length() && isSecret(text.charAt(end))) {
						end++;
					}
					if (end > valueStart) {
						out.append(text, copied, valueStart).append(HIDDEN);
						copied = end;
						i = end - 1;
					}
					break;
				}
			}
		}
		return out.append(text, copied, text.length()).toString();
	}

	private static boolean mayHoldSecret(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		for (String prefix : SECRET_PREFIXES) {
			if (lower.contains(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An exception whose message was masked; its message names the original type.
	 */
	static final class MaskedException extends RuntimeException {

		MaskedException(String message, Throwable cause) {
			super(message, cause);
		}

		@Override
		public String toString() {
			return getMessage();
		}

	}

	private static boolean isLocalPart(char c) {
		return Character.isLetterOrDigit(c) || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
	}

	private static boolean isDomain(char c) {
		return Character.isLetterOrDigit(c) || c == '.' || c == '-';
	}

	private static boolean isSecret(char c) {
		return Character.isLetterOrDigit(c) || "._~+/=-".indexOf(c) >= 0;
	}

}
