package dev.herald.contracts;

import java.util.function.Predicate;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The schema's {@code format: date} and {@code format: date-time}, checked by
 * {@link Rfc3339} as consumers read them: the validator's own formats parse with
 * {@code java.time}'s formatters, about a fifth of the contract's validation of a record
 * on the catalog's consumer thread.
 */
final class Rfc3339Format implements Format {

	private final String name;

	private final Predicate<String> check;

	private Rfc3339Format(String name, Predicate<String> check) {
		this.name = name;
		this.check = check;
	}

	/** RFC 3339's full-date, a day that exists ({@link Rfc3339#isFullDate(String)}). */
	static Rfc3339Format date() {
		return new Rfc3339Format("date", Rfc3339::isFullDate);
	}

	/**
	 * RFC 3339's date-time, or a leap second that took place
	 * ({@link Rfc3339#isDateTime(String)}).
	 */
	static Rfc3339Format dateTime() {
		return new Rfc3339Format("date-time", Rfc3339::isDateTime);
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getMessageKey() {
		return "format." + this.name;
	}

	@Override
	public boolean matches(ExecutionContext executionContext, String value) {
		return this.check.test(value);
	}

}
