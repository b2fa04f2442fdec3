package dev.herald.contracts;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The schema's {@code format: date-time}, RFC 3339's date-time, checked by
 * {@link Rfc3339#isDateTime(String)}: the validator's own format reads the date and the
 * time with {@code java.time}'s formatters, about a ninth of the contract's validation of
 * a record on the catalog's consumer thread. A value this format accepts is one the
 * catalog reads.
 */
final class DateTimeFormat implements Format {

	@Override
	public String getName() {
		return "date-time";
	}

	@Override
	public String getMessageKey() {
		return "format.date-time";
	}

	@Override
	public boolean matches(ExecutionContext executionContext, String value) {
		return Rfc3339.isDateTime(value);
	}

}
