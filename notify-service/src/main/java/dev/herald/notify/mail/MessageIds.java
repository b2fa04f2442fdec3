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
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((recordId + ":" + subscriberId).getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(digest) + "@" + HeaderValues.clean(domain) + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
