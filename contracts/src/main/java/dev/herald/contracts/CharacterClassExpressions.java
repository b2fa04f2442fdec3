package dev.herald.contracts;

import java.util.BitSet;

import com.google.re2j.Pattern;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * The regular expressions of the contract's validator, each linear in the text whatever a
 * message holds. A pattern made of one bracketed character class, such as the contract's
 * rules on text, is answered by a table lookup per character; any other pattern goes to
 * RE2/J, an automaton without backtracking or recursion (the JDK's engine backtracks, and
 * overflows its stack on a repeated group such as {@code ([a-z0-9]+-)*} given a long
 * text). The answers are those of the JDK's engine (tests compare them); {@code \\uXXXX}
 * escapes are read as the JDK reads them.
 */
final class CharacterClassExpressions implements RegularExpressionFactory {

	private static final int CHARACTERS = Character.MAX_VALUE + 1;

	private static final int WHITESPACE = -2;

	private static final java.util.regex.Pattern UNICODE_ESCAPE = java.util.regex.Pattern
		.compile("\\\\u([0-9A-Fa-f]{4})");

	@Override
	public RegularExpression getRegularExpression(String regex) {
		RegularExpression parsed = parse(regex);
		return (parsed != null) ? parsed : linear(regex);
	}

	/**
	 * A pattern on RE2/J, found anywhere in the text as ECMAScript's {@code test} does.
	 * @param regex the pattern, in the JDK's syntax
	 * @return its matcher
	 */
	static RegularExpression linear(String regex) {
		Pattern pattern = Pattern.compile(UNICODE_ESCAPE.matcher(regex).replaceAll("\\\\x{$1}"));
		return (text) -> pattern.matcher(text).find();
	}

	/**
	 * Reads a pattern made of one character class of ranges, {@code \\uXXXX} escapes,
	 * {@code \\s} and letters or digits, possibly negated: alone, it finds one character
	 * of the class; as {@code ^[...]*$}, every character must be of the class.
	 * @param regex the pattern
	 * @return its matcher, or {@code null} for any other pattern
	 */
	static RegularExpression parse(String regex) {
		if (regex.startsWith("^[") && regex.endsWith("]*$")) {
			BitSet members = members(regex.substring(1, regex.length() - 2));
			return (members != null) ? (text) -> !containsOther(text, members) : null;
		}
		BitSet members = members(regex);
		return (members != null) ? (text) -> containsAny(text, members) : null;
	}

	/**
	 * The characters a bracketed class matches, its negation applied.
	 * @return the characters, or {@code null} when the class holds anything else
	 */
	private static BitSet members(String regex) {
		if (regex.length() < 3 || regex.charAt(0) != '[' || regex.charAt(regex.length() - 1) != ']') {
			return null;
		}
		boolean negated = regex.charAt(1) == '^';
		BitSet members = new BitSet(CHARACTERS);
		int end = regex.length() - 1;
		for (int i = negated ? 2 : 1; i < end;) {
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
		int surrogate = members.nextSetBit(Character.MIN_SURROGATE);
		if (surrogate >= 0 && surrogate <= Character.MAX_SURROGATE) {
			// Surrogates stand for characters beyond the table: the engine knows them.
			return null;
		}
		if (negated) {
			// Surrogates come in: a character beyond the table is not among those listed.
			members.flip(0, CHARACTERS);
		}
		return members;
	}

	/**
	 * The character at a position: an ASCII letter or digit, or a {@code \\uXXXX} escape.
	 */
	private static int character(String regex, int at, int end) {
		char c = regex.charAt(at);
		if (c < 0x80 && Character.isLetterOrDigit(c)) {
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
