package dev.herald.notify.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic {@code Message-ID}s: the same (record, subscriber) always yields the same
 * id, so a receiving system can recognise a repeat.
 */
public final class MessageIds {

	private MessageIds() {
	}

	/**
	 * The Message-ID of the alert of one record to one subscriber.
	 * @param recordId the record id
	 * @param subscriberId the subscriber id
	 * @param domain the domain part
	 * @return {@code <sha256hex(recordId:subscriberId)@domain>}
	 */
	public static String forAlert(String recordId, String subscriberId, String domain) {
		return of(recordId + ":" + subscriberId, domain);
	}

	/**
	 * The Message-ID of an email of the outbox: the same for every try of the same email,
	 * so that a repeat after a crash is recognisable as one.
	 * @param key what identifies the email
	 * @param domain the domain part
	 * @return the Message-ID, with its angle brackets
	 */
	public static String of(String key, String domain) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(digest) + "@" + HeaderValues.clean(domain) + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
