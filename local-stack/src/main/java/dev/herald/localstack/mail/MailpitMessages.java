package dev.herald.localstack.mail;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;

/**
 * Received emails in the shapes of Mailpit's API v1 ({@code MessagesSummary},
 * {@code MessageSummary}, {@code Message}), with the fields Herald's commands and tests
 * read, so that the same commands work against the local inbox and against Mailpit.
 */
final class MailpitMessages {

	private static final int SNIPPET_LENGTH = 250;

	private static final Pattern ANGLE_LINK = Pattern.compile("<([^>]+)>");

	private MailpitMessages() {
	}

	static Summaries summaries(List<ReceivedEmail> matching, int total, int unread, Set<String> read, int start,
			int limit) {
		List<Summary> page = matching.stream()
			.skip(start)
			.limit(limit)
			.map((email) -> summary(email, read.contains(email.id())))
			.toList();
		long unreadMatching = matching.stream().filter((email) -> !read.contains(email.id())).count();
		return new Summaries(total, unread, matching.size(), (int) unreadMatching, start, List.of(), page);
	}

	static Summary summary(ReceivedEmail email, boolean read) {
		return new Summary(email.id(), messageId(email), read, address(email.from()), addresses(email.to()),
				copies(email), blindCopies(email), List.of(), email.subject(), email.receivedAt(), List.of(),
				size(email), 0, snippet(email));
	}

	static Message message(ReceivedEmail email) {
		return new Message(email.id(), messageId(email), address(email.from()), addresses(email.to()), copies(email),
				blindCopies(email), List.of(), email.envelopeFrom(), email.subject(), date(email), List.of(),
				(email.text() != null) ? email.text() : "", (email.html() != null) ? email.html() : "", size(email),
				List.of(), List.of(), listUnsubscribe(email));
	}

	private static String messageId(ReceivedEmail email) {
		return email.header("Message-ID").stream().findFirst().map((id) -> id.replaceAll("^<|>$", "")).orElse("");
	}

	private static Instant date(ReceivedEmail email) {
		return email.header("Date").stream().findFirst().map((value) -> {
			try {
				return new MailDateFormat().parse(value).toInstant();
			}
			catch (ParseException ex) {
				return null;
			}
		}).orElse(email.receivedAt());
	}

	private static int size(ReceivedEmail email) {
		return email.raw().getBytes(StandardCharsets.UTF_8).length;
	}

	private static String snippet(ReceivedEmail email) {
		String text = (email.text() != null) ? email.text()
				: (email.html() != null) ? email.html().replaceAll("<[^>]*>", " ") : "";
		String collapsed = text.replaceAll("\\s+", " ").trim();
		return (collapsed.length() > SNIPPET_LENGTH) ? collapsed.substring(0, SNIPPET_LENGTH) + "..." : collapsed;
	}

	private static List<Address> copies(ReceivedEmail email) {
		return addresses(email.header("Cc"));
	}

	/**
	 * Envelope recipients named in neither {@code To} nor {@code Cc}, as Mailpit lists
	 * them.
	 */
	private static List<Address> blindCopies(ReceivedEmail email) {
		Set<String> named = new LinkedHashSet<>();
		addresses(email.to()).forEach((address) -> named.add(address.address().toLowerCase(Locale.ROOT)));
		copies(email).forEach((address) -> named.add(address.address().toLowerCase(Locale.ROOT)));
		return email.envelopeTo()
			.stream()
			.filter((recipient) -> !named.contains(recipient.toLowerCase(Locale.ROOT)))
			.map((recipient) -> new Address("", recipient))
			.toList();
	}

	private static Address address(String value) {
		List<Address> parsed = addresses((value != null) ? List.of(value) : List.of());
		return parsed.isEmpty() ? null : parsed.get(0);
	}

	private static List<Address> addresses(List<String> values) {
		List<Address> addresses = new ArrayList<>();
		for (String value : values) {
			try {
				Arrays.stream(InternetAddress.parseHeader(value, false))
					.map((parsed) -> new Address((parsed.getPersonal() != null) ? parsed.getPersonal() : "",
							parsed.getAddress()))
					.forEach(addresses::add);
			}
			catch (AddressException ex) {
				addresses.add(new Address("", value));
			}
		}
		return addresses;
	}

	private static ListUnsubscribe listUnsubscribe(ReceivedEmail email) {
		String header = email.header("List-Unsubscribe").stream().findFirst().orElse("");
		List<String> links = new ArrayList<>();
		Matcher matcher = ANGLE_LINK.matcher(header);
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		String post = email.header("List-Unsubscribe-Post").stream().findFirst().orElse("");
		return new ListUnsubscribe(header, links, "", post);
	}

	record Summaries(@JsonProperty("total") int total, @JsonProperty("unread") int unread,
			@JsonProperty("messages_count") int messagesCount, @JsonProperty("messages_unread") int messagesUnread,
			@JsonProperty("start") int start, @JsonProperty("tags") List<String> tags,
			@JsonProperty("messages") List<Summary> messages) {
	}

	record Summary(@JsonProperty("ID") String id, @JsonProperty("MessageID") String messageId,
			@JsonProperty("Read") boolean read, @JsonProperty("From") Address from,
			@JsonProperty("To") List<Address> to, @JsonProperty("Cc") List<Address> cc,
			@JsonProperty("Bcc") List<Address> bcc, @JsonProperty("ReplyTo") List<Address> replyTo,
			@JsonProperty("Subject") String subject, @JsonProperty("Created") Instant created,
			@JsonProperty("Tags") List<String> tags, @JsonProperty("Size") int size,
			@JsonProperty("Attachments") int attachments, @JsonProperty("Snippet") String snippet) {
	}

	record Message(@JsonProperty("ID") String id, @JsonProperty("MessageID") String messageId,
			@JsonProperty("From") Address from, @JsonProperty("To") List<Address> to,
			@JsonProperty("Cc") List<Address> cc, @JsonProperty("Bcc") List<Address> bcc,
			@JsonProperty("ReplyTo") List<Address> replyTo, @JsonProperty("ReturnPath") String returnPath,
			@JsonProperty("Subject") String subject, @JsonProperty("Date") Instant date,
			@JsonProperty("Tags") List<String> tags, @JsonProperty("Text") String text,
			@JsonProperty("HTML") String html, @JsonProperty("Size") int size,
			@JsonProperty("Inline") List<Object> inline, @JsonProperty("Attachments") List<Object> attachments,
			@JsonProperty("ListUnsubscribe") ListUnsubscribe listUnsubscribe) {
	}

	record Address(@JsonProperty("Name") String name, @JsonProperty("Address") String address) {
	}

	record ListUnsubscribe(@JsonProperty("Header") String header, @JsonProperty("Links") List<String> links,
			@JsonProperty("Errors") String errors, @JsonProperty("HeaderPost") String headerPost) {
	}

}
