package dev.herald.localstack.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares an email's HTML for a sandboxed {@code iframe srcdoc}: links open in a new tab
 * (the sandbox allows that, and nothing else: no scripts, no forms, no same origin).
 * Escaping for the attribute is left to the template engine.
 */
final class SandboxedHtml {

	private static final String BASE = "<base target=\"_blank\">";

	private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

	private static final Pattern HTML = Pattern.compile("<html(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

	private SandboxedHtml() {
	}

	/**
	 * The email's HTML with a {@code <base target="_blank">} in its head, so that a
	 * {@code DOCTYPE} stays first.
	 * @param html the email's HTML part
	 * @return the document for {@code srcdoc}
	 */
	static String document(String html) {
		for (Pattern pattern : new Pattern[] { HEAD, HTML }) {
			Matcher matcher = pattern.matcher(html);
			if (matcher.find()) {
				return html.substring(0, matcher.end()) + BASE + html.substring(matcher.end());
			}
		}
		return BASE + html;
	}

}
