package dev.herald.notify.mail;

import java.util.List;
import java.util.Locale;

/**
 * The email sent on a subscribe request for an address that is already active: a link to
 * manage the subscription instead of a second confirmation.
 *
 * @param to recipient address
 * @param manageUrl signed manage link
 * @param unsubscribeUrl signed unsubscribe link
 * @param topics labels of the topics followed
 * @param searches the queries of the saved searches
 * @param locale the language of the email
 */
public record ManageMail(String to, String manageUrl, String unsubscribeUrl, List<String> topics, List<String> searches,
		Locale locale) {

}
