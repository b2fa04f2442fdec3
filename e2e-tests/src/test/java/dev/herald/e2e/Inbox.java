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
		return all().stream().filter((message) -> recipients(message).contains(address)).toList();
	}

	/**
	 * Every message received so far.
	 * @return the messages
	 */
	List<JsonNode> all() {
		Http.Response response = Http.get(this.url);
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
