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
 * Position in the listing where a page starts: after the last record of a page (the next
 * page), or before the first record of a page (the previous one). Its text form is opaque
 * to clients (base64url) and is checked strictly when it comes back.
 *
 * @param occurredOn the record's date
 * @param id the record's id
 * @param backward whether the page ends before this record instead of starting after it
 */
public record Cursor(LocalDate occurredOn, String id, boolean backward) {

	private static final String VERSION = "v1";

	private static final String BACKWARD = "v1b";

	private static final int MAX_LENGTH = 200;

	private static final Pattern ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * Returns the cursor after the given record.
	 * @param record the last record of a page
	 * @return the cursor
	 */
	public static Cursor after(RecordDocument record) {
		return new Cursor(record.occurredOnDate(), record.id(), false);
	}

	/**
	 * Returns the cursor of the page that ends before the given record.
	 * @param record the first record of a page
	 * @return the cursor
	 */
	public static Cursor before(RecordDocument record) {
		return new Cursor(record.occurredOnDate(), record.id(), true);
	}

	/**
	 * A cursor after a record.
	 * @param occurredOn the record's date
	 * @param id the record's id
	 */
	public Cursor(LocalDate occurredOn, String id) {
		this(occurredOn, id, false);
	}

	/**
	 * Returns the opaque text form.
	 * @return the encoded cursor
	 */
	public String encode() {
		String plain = (this.backward ? BACKWARD : VERSION) + "|" + this.occurredOn + "|" + this.id;
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
			boolean backward = BACKWARD.equals(parts[0]);
			if (parts.length != 3 || !(backward || VERSION.equals(parts[0])) || !ID.matcher(parts[2]).matches()) {
				throw malformed();
			}
			return new Cursor(LocalDate.parse(parts[1]), parts[2], backward);
		}
		catch (IllegalArgumentException | CharacterCodingException | DateTimeException ex) {
			throw malformed();
		}
	}

	private static InvalidParameterException malformed() {
		return InvalidParameterException.of("cursor", "is malformed; use the 'next' or 'previous' link of a page");
	}

}
