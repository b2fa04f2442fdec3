package dev.herald.notify.mail;

/**
 * What differs between the recipients of one record's alert.
 *
 * @param to recipient address
 * @param messageId deterministic Message-ID
 * @param manageUrl signed manage link
 * @param unsubscribeUrl signed one-click unsubscribe link
 * @param unsubscribeMailto {@code mailto:} unsubscribe link
 */
public record AlertRecipient(String to, String messageId, String manageUrl, String unsubscribeUrl,
		String unsubscribeMailto) {

}
