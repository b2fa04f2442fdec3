package dev.herald.notify.subscription;

import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A strictly validated email address: a bare RFC 5322 addr-spec (no display name, no
 * comments, no CR/LF or other control characters, at most 254 characters) with a dotted
 * domain.
 *
 * @param address the address as given, with its domain lower-cased
 * @param key the address fully lower-cased, identifying the subscriber
 * @param quotaKey the mailbox's canonical key: small letters, no {@code +tag}, no dots
 * where the provider ignores them, so that every variant of one mailbox shares one email
 * allowance
 */
public record EmailAddress(String address, String key, String quotaKey) {

	/** Domains whose mailboxes ignore dots in the local part. */
	private static final java.util.Set<String> DOTS_IGNORED = java.util.Set.of("gmail.com");

	/** Domains that are another domain's mailboxes. */
	private static final java.util.Map<String, String> DOMAIN_ALIASES = java.util.Map.of("googlemail.com", "gmail.com");

	/** Longest address accepted (RFC 5321 path limit less the angle brackets). */
	public static final int MAX_LENGTH = 254;

	/**
	 * Validate and normalize an address.
	 * @param raw the address as entered; surrounding spaces are ignored
	 * @return the address
	 * @throws IllegalArgumentException with a message fit for the user when it is not a
	 * valid address
	 */
	public static EmailAddress parse(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new IllegalArgumentException("is required");
		}
		String candidate = stripSpaces(raw);
		if (candidate.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
		}
		if (!candidate.chars().allMatch((c) -> c > 0x20 && c < 0x7F)) {
			throw new IllegalArgumentException(
					"must be a plain address without spaces, line breaks or other characters");
		}
		InternetAddress parsed = strictParse(candidate);
		if (parsed.getPersonal() != null || !candidate.equals(parsed.getAddress())) {
			throw new IllegalArgumentException("must be only the address, such as name@example.org");
		}
		int at = candidate.lastIndexOf('@');
		String local = candidate.substring(0, at);
		String domain = candidate.substring(at + 1).toLowerCase(Locale.ROOT);
		if (local.isEmpty() || local.length() > 64 || !isHostName(domain)) {
			throw new IllegalArgumentException("is not a valid email address");
		}
		String address = local + "@" + domain;
		String key = address.toLowerCase(Locale.ROOT);
		return new EmailAddress(address, key, quotaKey(local, domain));
	}

	/**
	 * One key per mailbox, whatever variant of its address is given: in small letters,
	 * without a {@code +tag}, and, at the providers known to ignore dots in the local
	 * part (Gmail, whose two domains are one), without dots.
	 */
	private static String quotaKey(String local, String domain) {
		String mailbox = local.toLowerCase(Locale.ROOT);
		int plus = mailbox.indexOf('+');
		if (plus > 0) {
			mailbox = mailbox.substring(0, plus);
		}
		String canonicalDomain = DOMAIN_ALIASES.getOrDefault(domain, domain);
		if (DOTS_IGNORED.contains(canonicalDomain)) {
			String undotted = mailbox.replace(".", "");
			mailbox = undotted.isEmpty() ? mailbox : undotted;
		}
		return mailbox + "@" + canonicalDomain;
	}

	private static String stripSpaces(String raw) {
		int start = 0;
		int end = raw.length();
		while (start < end && raw.charAt(start) == ' ') {
			start++;
		}
		while (end > start && raw.charAt(end - 1) == ' ') {
			end--;
		}
		return raw.substring(start, end);
	}

	private static InternetAddress strictParse(String candidate) {
		try {
			InternetAddress[] parsed = InternetAddress.parse(candidate, true);
			if (parsed.length != 1 || parsed[0].isGroup()) {
				throw new IllegalArgumentException("must be exactly one address");
			}
			parsed[0].validate();
			return parsed[0];
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("is not a valid email address");
		}
	}

	private static boolean isHostName(String domain) {
		if (domain.length() > 253 || !domain.contains(".")) {
			return false;
		}
		for (String label : domain.split("\\.", -1)) {
			if (!label.matches("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")) {
				return false;
			}
		}
		return !domain.substring(domain.lastIndexOf('.') + 1).matches("[0-9]+");
	}

}
