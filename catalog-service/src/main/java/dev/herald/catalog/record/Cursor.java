package dev.herald.catalog.record;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Position in the listing after which the next page starts: the sort key of the last
 * record of a page. Its text form is opaque to clients (base64url) and is checked
 * strictly when it comes back.
 *
 * @param occurredOn the last record's date
 * @param id the last record's id
 */
public record Cursor(LocalDate occurredOn, String id) {

	private static final String VERSION = "v1";

	private static final int MAX_LENGTH = 200;

	private static final Pattern ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * Returns the cursor after the given record.
	 * @param record the last record of a page
	 * @return the cursor
	 */
	public static Cursor after(RecordDocument record) {
		return new Cursor(record.occurredOnDate(), record.id());
	}

	/**
	 * Returns the opaque text form.
	 * @return the encoded cursor
	 */
	public String encode() {
		String plain = VERSION + "|" + this.occurredOn + "|" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor from its text form.
	 * @param text the encoded cursor
	 * @return the cursor
	 * @throws InvalidParameterException naming {@code cursor} if the text is not a cursor
	 * this service issued
	 */
	public static Cursor decode(String text) {
		if (text.length() > MAX_LENGTH) {
			throw malformed();
		}
		try {
			String plain = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(text)))
				.toString();
			String[] parts = plain.split("\\|", -1);
			if (parts.length != 3 || !VERSION.equals(parts[0]) || !ID.matcher(parts[2]).matches()) {
				throw malformed();
			}
			return new Cursor(LocalDate.parse(parts[1]), parts[2]);
		}
		catch (IllegalArgumentException | CharacterCodingException | DateTimeException ex) {
			throw malformed();
		}
	}

	private static InvalidParameterException malformed() {
		return InvalidParameterException.of("cursor", "is malformed; use the 'next' link of a previous page");
	}

}
