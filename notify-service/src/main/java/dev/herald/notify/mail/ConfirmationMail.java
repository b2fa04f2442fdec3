package dev.herald.notify.mail;

import java.util.List;

/**
 * The double opt-in email sent on a subscribe request for an address that is not active.
 *
 * @param to recipient address
 * @param confirmUrl signed confirmation link
 * @param topics labels of the requested topics
 */
public record ConfirmationMail(String to, String confirmUrl, List<String> topics) {

}
