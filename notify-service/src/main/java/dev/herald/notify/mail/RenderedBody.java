package dev.herald.notify.mail;

/**
 * The two alternative bodies of an email.
 *
 * @param text the plain text part
 * @param html the HTML part
 */
record RenderedBody(String text, String html) {

}
