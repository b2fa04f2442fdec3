package dev.herald.contracts;

import java.time.DateTimeException;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The schema's {@code format: date}, RFC 3339's full-date ({@code YYYY-MM-DD}, a day that
 * exists), read by {@link Rfc3339#fullDate(String)}: the validator's own format parses
 * with {@code java.time}'s general formatter, about an eighth of the contract's
 * validation of a record on the catalog's consumer thread.
 */
final class FullDateFormat implements Format {

	@Override
	public String getName() {
		return "date";
	}

	@Override
	public String getMessageKey() {
		return "format.date";
	}

	@Override
	public boolean matches(ExecutionContext executionContext, String value) {
		try {
			Rfc3339.fullDate(value);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
