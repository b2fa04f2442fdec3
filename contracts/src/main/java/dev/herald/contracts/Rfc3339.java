package dev.herald.contracts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.ethlo.time.ITU;
import com.ethlo.time.LeapSecondException;

/**
 * Reads the contract's dates ({@code format: date}, RFC 3339 full-date) and instants
 * ({@code format: date-time}) without {@code java.time}'s general formatters, which parse
 * through a map of fields and a resolver: on the catalog's consumer thread those two
 * reads of every record took about 6% of the time. An instant is read by the RFC 3339
 * parser the contract's validator checks it with (Ethlo's ITU), so a value the validator
 * accepts is one this class reads.
 */
public final class Rfc3339 {

	private static final int FULL_DATE_LENGTH = 10;

	private static final String UNKNOWN_OFFSET = "-00:00";

	private Rfc3339() {
	}

	/**
	 * Reads a full-date, {@code YYYY-MM-DD} and nothing else.
	 * @param text the text
	 * @return the date
	 * @throws DateTimeException if the text is not such a date, or names a day that does
	 * not exist (such as {@code 2023-02-30})
	 */
	public static LocalDate fullDate(String text) {
		if (text.length() != FULL_DATE_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-') {
			throw new DateTimeParseException("Not a date as YYYY-MM-DD", text, 0);
		}
		return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
	}

	/**
	 * Tells whether a text is a full-date {@link #fullDate(String)} reads, as the
	 * schema's {@code format: date} asks.
	 * @param text the text
	 * @return whether it is
	 */
	public static boolean isFullDate(String text) {
		try {
			fullDate(text);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/**
	 * Reads a date-time with its offset, such as {@code 2023-11-13T15:42:10.512Z}: RFC
	 * 3339's {@code date-time}, its date and time separated by {@code T} (or {@code t}),
	 * an offset of {@code -00:00} (UTC, the local offset unknown) read as {@code Z}, and
	 * at most nine digits of a second's fraction.
	 * @param text the text
	 * @return the instant it names
	 * @throws DateTimeException if the text is not such a date-time, or is a leap second
	 * (which an {@link Instant} cannot name; see {@link #isDateTime(String)})
	 */
	public static Instant dateTime(String text) {
		if (text.length() > FULL_DATE_LENGTH && text.charAt(FULL_DATE_LENGTH) == ' ') {
			// RFC 3339's grammar separates date and time by T; ITU also reads a space.
			throw new DateTimeParseException("Not a date-time: a space instead of T", text, FULL_DATE_LENGTH);
		}
		String utcIfUnknown = text.endsWith(UNKNOWN_OFFSET)
				? text.substring(0, text.length() - UNKNOWN_OFFSET.length()) + "Z" : text;
		return ITU.parseDateTime(utcIfUnknown).toInstant();
	}

	/**
	 * Tells whether a text is a date-time {@link #dateTime(String)} reads, or a leap
	 * second that took place ({@code 2016-12-31T23:59:60Z}), as the schema's
	 * {@code format: date-time} asks.
	 * @param text the text
	 * @return whether it is
	 */
	public static boolean isDateTime(String text) {
		try {
			dateTime(text);
			return true;
		}
		catch (LeapSecondException ex) {
			return ex.isVerifiedValidLeapYearMonth();
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new DateTimeParseException("Not a date as YYYY-MM-DD", text, i);
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
