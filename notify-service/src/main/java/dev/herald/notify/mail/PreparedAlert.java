package dev.herald.notify.mail;

import java.util.UUID;

import org.springframework.web.util.HtmlUtils;

/**
 * A record's alert rendered once, with placeholders where each recipient's links go: a
 * fan-out renders its templates once per record, not once per recipient.
 */
public final class PreparedAlert {

	private final String subject;

	private final String text;

	private final String html;

	private final String managePlaceholder;

	private final String unsubscribePlaceholder;

	private PreparedAlert(String subject, String text, String html, String managePlaceholder,
			String unsubscribePlaceholder) {
		this.subject = subject;
		this.text = text;
		this.html = html;
		this.managePlaceholder = managePlaceholder;
		this.unsubscribePlaceholder = unsubscribePlaceholder;
	}

	static PreparedAlert render(MailTemplates templates, AlertContent content, String kindLabel, String subject,
			java.util.Locale locale, String search) {
		String nonce = UUID.randomUUID().toString().replace("-", "");
		String manage = "herald-manage-link-" + nonce;
		String unsubscribe = "herald-unsubscribe-link-" + nonce;
		java.util.Map<String, Object> variables = content.variables(locale);
		variables.put("kindLabel", kindLabel);
		variables.put("search", search);
		variables.put("manageUrl", manage);
		variables.put("unsubscribeUrl", unsubscribe);
		RenderedBody body = templates.render("alert", variables, locale);
		return new PreparedAlert(subject, body.text(), body.html(), manage, unsubscribe);
	}

	String subject() {
		return this.subject;
	}

	String text(AlertRecipient recipient) {
		return this.text.replace(this.managePlaceholder, recipient.manageUrl())
			.replace(this.unsubscribePlaceholder, recipient.unsubscribeUrl());
	}

	String html(AlertRecipient recipient) {
		return this.html.replace(this.managePlaceholder, HtmlUtils.htmlEscape(recipient.manageUrl()))
			.replace(this.unsubscribePlaceholder, HtmlUtils.htmlEscape(recipient.unsubscribeUrl()));
	}

}
