package dev.herald.notify.mail;

import java.util.List;
import java.util.Locale;

/**
 * The double opt-in email sent on a subscribe request for an address that is not active.
 *
 * @param to recipient address
 * @param confirmUrl signed confirmation link
 * @param topics labels of the requested topics
 * @param searches the queries of the saved searches
 * @param locale the language of the email
 */
public record ConfirmationMail(String to, String confirmUrl, List<String> topics, List<String> searches,
		Locale locale) {

}
