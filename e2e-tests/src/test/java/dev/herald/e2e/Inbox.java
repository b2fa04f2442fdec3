package dev.herald.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The SMTP server's inbox, read through the local stack's {@code /api/messages}.
 */
final class Inbox {

	private final String url;

	Inbox(HeraldSystem system) {
		this.url = system.inboxUrl() + "/api/messages";
	}

	/**
	 * Every message received so far whose envelope recipients include an address.
	 * @param address the recipient
	 * @return the messages, as the inbox API describes them
	 */
	List<JsonNode> to(String address) {
		return matching(address).stream().filter((message) -> recipients(message).contains(address)).toList();
	}

	/**
	 * Every message received so far with an envelope recipient containing a text.
	 * @param text part of an address, such as {@code @example.org}
	 * @return the messages
	 */
	List<JsonNode> matching(String text) {
		return read(this.url + "?to=" + Catalog.encode(text));
	}

	/**
	 * Every message received so far to an envelope recipient containing a text, with a
	 * subject containing another.
	 * @param text part of an address, such as {@code @example.org}
	 * @param subject part of the subject
	 * @return the messages
	 */
	List<JsonNode> matching(String text, String subject) {
		return read(this.url + "?to=" + Catalog.encode(text) + "&subject=" + Catalog.encode(subject));
	}

	/**
	 * Every message received so far.
	 * @return the messages
	 */
	List<JsonNode> all() {
		return read(this.url);
	}

	private static List<JsonNode> read(String url) {
		Http.Response response = Http.get(url);
		if (response.status() != 200) {
			throw new IllegalStateException("Inbox answered " + response.status() + ": " + response.body());
		}
		List<JsonNode> messages = new ArrayList<>();
		response.json().forEach(messages::add);
		return messages;
	}

	static List<String> recipients(JsonNode message) {
		List<String> recipients = new ArrayList<>();
		message.get("envelopeTo").forEach((address) -> recipients.add(address.asString().toLowerCase()));
		return recipients;
	}

	static String header(JsonNode message, String name) {
		for (var header : message.get("headers").properties()) {
			if (header.getKey().equalsIgnoreCase(name)) {
				return header.getValue().get(0).asString();
			}
		}
		return null;
	}

	/**
	 * The first link in a message's plain-text part that starts with a prefix.
	 * @param message the message
	 * @param prefix the start of the link, such as
	 * {@code http://localhost:1234/subscriptions/confirm}
	 * @return the link
	 */
	static String link(JsonNode message, String prefix) {
		Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "[^\\s<>\"]*")
			.matcher(message.get("text").asString());
		if (!matcher.find()) {
			throw new AssertionError("No link starting with " + prefix + " in:\n" + message.get("text").asString());
		}
		return matcher.group();
	}

}
