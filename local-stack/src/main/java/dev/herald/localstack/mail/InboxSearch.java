package dev.herald.localstack.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A search of the inbox in Mailpit's syntax, the part of it the local inbox needs: words
 * and {@code "quoted phrases"} anywhere in the sender, recipients, subject and text;
 * {@code to:}, {@code from:} and {@code subject:} with a word or a quoted phrase; a
 * leading {@code -} or {@code !} negates a term. Every term must hold; matching ignores
 * case. {@code to:} matches every envelope recipient, blind copies included.
 */
final class InboxSearch implements Predicate<ReceivedEmail> {

	private final List<Predicate<ReceivedEmail>> terms;

	private InboxSearch(List<Predicate<ReceivedEmail>> terms) {
		this.terms = terms;
	}

	/**
	 * Parses a query.
	 * @param query the query, blank for every email
	 * @return the search
	 */
	static InboxSearch parse(String query) {
		List<Predicate<ReceivedEmail>> terms = new ArrayList<>();
		if (query != null) {
			for (String token : tokens(query)) {
				terms.add(term(token));
			}
		}
		return new InboxSearch(List.copyOf(terms));
	}

	@Override
	public boolean test(ReceivedEmail email) {
		return this.terms.stream().allMatch((term) -> term.test(email));
	}

	private static Predicate<ReceivedEmail> term(String token) {
		boolean negated = token.length() > 1 && (token.charAt(0) == '-' || token.charAt(0) == '!');
		String term = negated ? token.substring(1) : token;
		Predicate<ReceivedEmail> predicate = field(term);
		return negated ? predicate.negate() : predicate;
	}

	private static Predicate<ReceivedEmail> field(String term) {
		int colon = term.indexOf(':');
		String name = (colon > 0) ? term.substring(0, colon).toLowerCase(Locale.ROOT) : "";
		String value = lower(unquote((colon > 0) ? term.substring(colon + 1) : term));
		return switch (name) {
			case "to" -> (email) -> email.envelopeTo().stream().anyMatch((to) -> lower(to).contains(value))
					|| email.to().stream().anyMatch((to) -> lower(to).contains(value));
			case "from" ->
				(email) -> lower(email.from()).contains(value) || lower(email.envelopeFrom()).contains(value);
			case "subject" -> (email) -> lower(email.subject()).contains(value);
			default -> {
				String anywhere = lower(unquote(term));
				yield (email) -> lower(email.subject()).contains(anywhere) || lower(email.from()).contains(anywhere)
						|| email.envelopeTo().stream().anyMatch((to) -> lower(to).contains(anywhere))
						|| lower(email.text()).contains(anywhere);
			}
		};
	}

	/**
	 * Splits a query on spaces outside double quotes.
	 */
	private static List<String> tokens(String query) {
		List<String> tokens = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (char c : query.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
				current.append(c);
			}
			else if (Character.isWhitespace(c) && !quoted) {
				if (!current.isEmpty()) {
					tokens.add(current.toString());
					current.setLength(0);
				}
			}
			else {
				current.append(c);
			}
		}
		if (!current.isEmpty()) {
			tokens.add(current.toString());
		}
		return tokens;
	}

	private static String unquote(String value) {
		return value.replace("\"", "");
	}

	private static String lower(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
	}

}
