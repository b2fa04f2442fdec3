package dev.herald.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The SMTP server's inbox, read through its Mailpit-compatible API (the local stack's, or
 * Mailpit's own): searches answer message summaries, and a message's text and headers are
 * read by its id.
 */
final class Inbox {

	/**
	 * As many as the inbox of the e2e system keeps, so that a search sees every email.
	 */
	private static final int LIMIT = 50_000;

	private final String url;

	Inbox(HeraldSystem system) {
		this.url = system.inboxUrl();
	}

	/**
	 * Every message received so far whose recipients include an address.
	 * @param address the recipient
	 * @return the summaries of the messages, newest first
	 */
	List<JsonNode> to(String address) {
		String wanted = address.toLowerCase(Locale.ROOT);
		return matching(address).stream().filter((message) -> recipients(message).contains(wanted)).toList();
	}

	/**
	 * Every message received so far with a recipient containing a text.
	 * @param text part of an address, such as {@code @example.org}
	 * @return the summaries
	 */
	List<JsonNode> matching(String text) {
		return search("to:" + text);
	}

	/**
	 * Every message received so far to a recipient containing a text, with a subject
	 * containing another.
	 * @param text part of an address, such as {@code @example.org}
	 * @param subject part of the subject
	 * @return the summaries
	 */
	List<JsonNode> matching(String text, String subject) {
		return search("to:" + text + " subject:\"" + subject + "\"");
	}

	private List<JsonNode> search(String query) {
		Http.Response response = Http
			.get(this.url + "/api/v1/search?limit=" + LIMIT + "&query=" + Catalog.encode(query));
		if (response.status() != 200) {
			throw new IllegalStateException("Inbox answered " + response.status() + ": " + response.body());
		}
		List<JsonNode> messages = new ArrayList<>();
		response.json().get("messages").forEach(messages::add);
		return messages;
	}

	/**
	 * A message's subject.
	 * @param message its summary
	 * @return the subject
	 */
	static String subject(JsonNode message) {
		return message.get("Subject").asString();
	}

	/**
	 * A message's recipients: its {@code To}, {@code Cc} and blind copies.
	 * @param message its summary
	 * @return the addresses, in lower case
	 */
	static List<String> recipients(JsonNode message) {
		List<String> recipients = new ArrayList<>();
		for (String field : List.of("To", "Cc", "Bcc")) {
			message.path(field)
				.forEach((address) -> recipients.add(address.get("Address").asString().toLowerCase(Locale.ROOT)));
		}
		return recipients;
	}

	/**
	 * The first value of a message's header.
	 * @param message its summary
	 * @param name the header's name
	 * @return the value, or {@code null}
	 */
	String header(JsonNode message, String name) {
		Http.Response response = Http.get(this.url + "/api/v1/message/" + id(message) + "/headers");
		for (var header : response.json().properties()) {
			if (header.getKey().equalsIgnoreCase(name)) {
				return header.getValue().get(0).asString();
			}
		}
		return null;
	}

	/**
	 * The first link in a message's plain-text part that starts with a prefix.
	 * @param message its summary
	 * @param prefix the start of the link, such as
	 * {@code http://localhost:1234/subscriptions/confirm}
	 * @return the link
	 */
	String link(JsonNode message, String prefix) {
		String text = Http.get(this.url + "/view/" + id(message) + ".txt").body();
		Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "[^\\s<>\"]*").matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("No link starting with " + prefix + " in:\n" + text);
		}
		return matcher.group();
	}

	private static String id(JsonNode message) {
		return message.get("ID").asString();
	}

}
