package dev.herald.catalog.ingest;

import java.util.BitSet;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * The regular expressions of the contract's validator. A pattern that is one bracketed
 * character class, such as the contract's rules on text (a character from {@code \\u0000}
 * to {@code \\u001F} found means a control character), is answered by a table lookup per
 * character; any other pattern goes to the JDK's engine, as by default. The answers are
 * the same (a test compares them for every character); the cost is a fraction, and the
 * catalog checks every text of every record it consumes.
 */
final class CharacterClassExpressions implements RegularExpressionFactory {

	private static final int CHARACTERS = Character.MAX_VALUE + 1;

	private final RegularExpressionFactory engine = JDKRegularExpressionFactory.getInstance();

	@Override
	public RegularExpression getRegularExpression(String regex) {
		RegularExpression parsed = parse(regex);
		return (parsed != null) ? parsed : this.engine.getRegularExpression(regex);
	}

	/**
	 * Reads a pattern made of one character class of ranges, {@code \\uXXXX} escapes,
	 * {@code \\s} and letters or digits, possibly negated.
	 * @param regex the pattern
	 * @return a matcher that finds a character of the class, or {@code null} for any
	 * other pattern
	 */
	static RegularExpression parse(String regex) {
		if (regex.length() < 3 || regex.charAt(0) != '[' || regex.charAt(regex.length() - 1) != ']') {
			return null;
		}
		boolean negated = regex.charAt(1) == '^';
		BitSet members = new BitSet(CHARACTERS);
		int i = negated ? 2 : 1;
		int end = regex.length() - 1;
		while (i < end) {
			int from = character(regex, i, end);
			if (from == WHITESPACE) {
				" \t\n\u000B\f\r".chars().forEach(members::set);
				i += 2;
				continue;
			}
			if (from < 0) {
				return null;
			}
			i += width(regex, i);
			int to = from;
			if (i + 1 < end && regex.charAt(i) == '-') {
				to = character(regex, i + 1, end);
				if (to < from) {
					return null;
				}
				i += 1 + width(regex, i + 1);
			}
			members.set(from, to + 1);
		}
		if (members.nextSetBit(Character.MIN_SURROGATE) >= 0
				&& members.nextSetBit(Character.MIN_SURROGATE) <= Character.MAX_SURROGATE) {
			// Surrogates stand for characters beyond the table: the engine knows them.
			return null;
		}
		return negated ? (text) -> containsOther(text, members) : (text) -> containsAny(text, members);
	}

	private static final int WHITESPACE = -2;

	/** The character at a position: a letter or digit, or a {@code \\uXXXX} escape. */
	private static int character(String regex, int at, int end) {
		char c = regex.charAt(at);
		if (Character.isLetterOrDigit(c) && c < 0x80) {
			return c;
		}
		if (c == '\\' && at + 1 < end) {
			char escaped = regex.charAt(at + 1);
			if (escaped == 's') {
				return WHITESPACE;
			}
			if (escaped == 'u' && at + 5 < end) {
				try {
					return Integer.parseInt(regex.substring(at + 2, at + 6), 16);
				}
				catch (NumberFormatException ex) {
					return -1;
				}
			}
		}
		return -1;
	}

	private static int width(String regex, int at) {
		return (regex.charAt(at) == '\\') ? 6 : 1;
	}

	private static boolean containsAny(String text, BitSet members) {
		for (int i = 0; i < text.length(); i++) {
			if (members.get(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsOther(String text, BitSet members) {
		for (int i = 0; i < text.length(); i++) {
			if (!members.get(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
