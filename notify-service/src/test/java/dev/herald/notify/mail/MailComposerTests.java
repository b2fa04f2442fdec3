package dev.herald.notify.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import dev.herald.notify.TestProperties;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class MailComposerTests {

	private static final AlertRecipient RECIPIENT = new AlertRecipient("reader@example.org", "<abc@herald.localhost>",
			"https://notify.herald.test/manage?token=m", "https://notify.herald.test/unsubscribe?token=u",
			"mailto:unsubscribe@herald.localhost?subject=unsubscribe%20u");

	private final MailComposer composer;

	MailComposerTests() throws Exception {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		this.composer = new MailComposer(new JavaMailSenderImpl(), new MailTemplates(messages), messages,
				Clock.fixed(Instant.parse("2024-03-01T10:00:00Z"), ZoneOffset.UTC), TestProperties.defaults());
	}

	@Test
	void alertShouldBeMultipartAlternativeUtf8WithTheListHeaders() throws Exception {
		MimeMessage message = alert(alert("Joint meeting of the councils", "A short summary."));
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
		assertThat(message.getSubject()).isEqualTo("[Herald] Meeting: Joint meeting of the councils");
		assertThat(message.getHeader("Message-ID", null)).isEqualTo("<abc@herald.localhost>");
		assertThat(message.getHeader("List-Id", null)).isEqualTo("Herald alerts <alerts.herald.localhost>");
		assertThat(message.getHeader("List-Unsubscribe", null)).isEqualTo(
				"<https://notify.herald.test/unsubscribe?token=u>, <mailto:unsubscribe@herald.localhost?subject=unsubscribe%20u>");
		assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("reader@example.org");
	}

	@Test
	void alertShouldShowEveryFieldAndTheLinksInBothParts() throws Exception {
		MimeMessage message = alert(alert("Статья: заседание Совета", "Summary line"));
		String text = part(message, 0);
		String html = part(message, 1);
		for (String body : List.of(text, html)) {
			assertThat(body).contains("Статья: заседание Совета", "23 November 2023", "Minsk, Belarus", "CSTO",
					"Collective Security Council", "Summary line", "Information security", "A/75/906", "S/2021/534",
					"https://catalog.herald.test/records/r-1", "https://notify.herald.test/manage?token=m",
					"https://notify.herald.test/unsubscribe?token=u");
		}
		assertThat(message.getSubject()).isEqualTo("[Herald] Meeting: Статья: заседание Совета");
	}

	@Test
	void alertInRussianShouldTakeEveryWordAndTheDateFromTheRussianBundle() throws Exception {
		MimeMessage message = this.composer.alert(this.composer
			.prepare(alert("Заседание Совета коллективной безопасности", "Итоги"), Locale.forLanguageTag("ru"), null),
				RECIPIENT);
		String text = part(message, 0);
		String html = part(message, 1);
		assertThat(message.getSubject()).isEqualTo("[Herald] Заседание: Заседание Совета коллективной безопасности");
		assertThat(text)
			.contains("Дата: 23 ноября 2023", "Место: Minsk, Belarus", "Организация: CSTO",
					"Читать запись полностью: https://catalog.herald.test/records/r-1", "Управление подпиской: ",
					"Отписаться: https://notify.herald.test/unsubscribe?token=u")
			.doesNotContain("Date:", "Read the full record", "Unsubscribe:");
		assertThat(html).contains("lang=\"ru\"", ">Дата<", ">Темы<", ">Читать запись полностью<", ">Отписаться<")
			.doesNotContain(">Date<", "Read the full record");
	}

	@Test
	void alertWhenRecordFieldsHoldMarkupShouldEscapeThemInHtml() throws Exception {
		MimeMessage message = alert(alert("<script>alert(1)</script> & <b>bold</b>", "<img src=x onerror=alert(2)>"));
		String html = part(message, 1);
		assertThat(html).doesNotContain("<script>", "<img", "<b>bold")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
			.contains("&lt;img src=x onerror=alert(2)&gt;");
	}

	@Test
	void alertWhenTitleCarriesHeaderInjectionShouldKeepItOutOfTheHeaders() throws Exception {
		MimeMessage message = alert(alert("Title\r\nBcc: victim@example.org\r\nX-Evil: 1", "s"));
		assertThat(message.getSubject()).isEqualTo("[Herald] Meeting: Title Bcc: victim@example.org X-Evil: 1");
		assertThat(message.getHeader("Bcc")).isNull();
		assertThat(message.getHeader("X-Evil")).isNull();
		assertThat(message.getAllRecipients()).hasSize(1);
		String headers = raw(message).split("\r\n\r\n", 2)[0];
		assertThat(headers).doesNotContainPattern("(?m)^Bcc:").doesNotContainPattern("(?m)^X-Evil:");
		assertThat(part(message, 0)).startsWith("Meeting: Title Bcc: victim@example.org X-Evil: 1\n");
	}

	@Test
	void alertWhenTitleIsVeryLongShouldTrimTheSubjectOnAWordBoundary() throws Exception {
		String title = "Statement by the Ministers of Foreign Affairs of the Member States of the Collective Security "
				+ "Treaty Organization on the strengthening of cooperation in the field of foreign policy";
		AlertContent statement = new AlertContent("STATEMENT", title, null, null, null, List.of(), null, List.of(),
				List.of(), "https://catalog.herald.test/records/r-2");
		String subject = alert(statement).getSubject();
		assertThat(subject).startsWith("[Herald] Statement: Statement by the Ministers")
			.hasSizeLessThanOrEqualTo(120)
			.endsWith("\u2026");
		assertThat(subject.substring(0, subject.length() - 1)).doesNotEndWith(" ");
	}

	@Test
	void alertsOfOneRecordShouldDifferOnlyInTheirRecipientsLinksAndIds() throws Exception {
		PreparedAlert prepared = this.composer.prepare(alert("One record", "Summary"), Locale.ENGLISH, null);
		MimeMessage first = this.composer.alert(prepared, RECIPIENT);
		MimeMessage second = this.composer.alert(prepared,
				new AlertRecipient("other@example.org", "<def@herald.localhost>",
						"https://notify.herald.test/m2?a=1&b=2", "https://notify.herald.test/u2",
						"mailto:unsubscribe@herald.localhost?subject=unsubscribe%20u2"));
		assertThat(part(first, 0)).contains("https://notify.herald.test/manage?token=m").doesNotContain("m2");
		assertThat(part(second, 0)).contains("https://notify.herald.test/m2?a=1&b=2", "https://notify.herald.test/u2")
			.doesNotContain("token=m", "herald-manage-link");
		assertThat(part(second, 1)).contains("href=\"https://notify.herald.test/m2?a=1&amp;b=2\"");
		assertThat(second.getHeader("Message-ID", null)).isEqualTo("<def@herald.localhost>");
		assertThat(second.getAllRecipients()).extracting(Object::toString).containsExactly("other@example.org");
	}

	@Test
	void confirmationShouldCarryTheLinkAndNoListHeaders() throws Exception {
		MimeMessage message = this.composer.confirmation(
				new ConfirmationMail("reader@example.org", "https://notify.herald.test/subscriptions/confirm?token=c",
						List.of("Peacekeeping"), List.of("\"information security\""), Locale.ENGLISH));
		assertThat(message.getSubject()).isEqualTo("[Herald] Confirm your subscription");
		assertThat(part(message, 0)).contains("https://notify.herald.test/subscriptions/confirm?token=c",
				"Peacekeeping", "Saved search: “\"information security\"”");
		assertThat(part(message, 1)).contains("https://notify.herald.test/subscriptions/confirm?token=c",
				"Saved search: “&quot;information security&quot;”");
		assertThat(message.getHeader("List-Unsubscribe")).isNull();
	}

	@Test
	void digestShouldListEveryRecordUnderItsTopicWithItsLinkAndTheListHeaders() throws Exception {
		AlertContent older = new AlertContent("MEETING", "Older meeting", LocalDate.parse("2023-11-13"), null, "CSTO",
				List.of(), null, List.of("Peacekeeping"), List.of(), "https://catalog.herald.test/records/r-old");
		DigestContent digest = new DigestContent("daily", 3,
				List.of(new DigestContent.Group("Information security",
						List.of(alert("Newest <b>record</b>", "First summary"), older)),
						new DigestContent.Group(null, List.of(alert("Other record", null)))));
		MimeMessage message = this.composer.digest(digest, RECIPIENT, Locale.ENGLISH);
		assertThat(message.getSubject()).isEqualTo("[Herald] Your daily digest: 3 new records");
		assertThat(message.getHeader("Message-ID", null)).isEqualTo("<abc@herald.localhost>");
		assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(message.getHeader("List-Unsubscribe", null))
			.startsWith("<https://notify.herald.test/unsubscribe?token=u>");
		String text = part(message, 0);
		assertThat(text).contains("Your daily digest", "3 new records match", "== Information security ==",
				"== Other records ==", "https://catalog.herald.test/records/r-old",
				"https://notify.herald.test/unsubscribe?token=u");
		assertThat(text.indexOf("Newest <b>record</b>")).isLessThan(text.indexOf("Older meeting"));
		String html = part(message, 1);
		assertThat(html).contains("href=\"https://catalog.herald.test/records/r-old\"", "Newest &lt;b&gt;record")
			.doesNotContain("<b>record");
	}

	@Test
	void digestShouldSpeakTheSubscribersLanguage() throws Exception {
		DigestContent digest = new DigestContent("weekly", 1,
				List.of(new DigestContent.Group("Информационная безопасность", List.of(alert("Заседание", "Итоги")))));
		MimeMessage message = this.composer.digest(digest, RECIPIENT, Locale.forLanguageTag("ru"));
		assertThat(message.getSubject()).isEqualTo("[Herald] Еженедельная сводка: 1 новая запись");
		assertThat(part(message, 0)).contains("Еженедельная сводка", "Читать запись", "23 ноября 2023", "Отписаться");
		assertThat(part(message, 1)).contains("lang=\"ru\"", "Управлять подпиской");
	}

	@Test
	void partsShouldBeEncodedAsTheMailLibraryWouldAndReadBackFromTheWire() throws Exception {
		String longLine = "Заседание ".repeat(150).trim();
		AlertContent russian = new AlertContent("MEETING", "Заседание Совета", LocalDate.parse("2023-11-23"), "Минск",
				"ОДКБ", List.of("Совет коллективной безопасности"), longLine, List.of("Информационная безопасность"),
				List.of("A/75/906"), "https://catalog.herald.test/records/r-1");
		MimeMessage sent = this.composer.alert(this.composer.prepare(russian, Locale.forLanguageTag("ru"), null),
				RECIPIENT);
		MimeMessage english = alert(alert("Joint meeting of the councils", "A short summary."));
		for (MimeMessage message : List.of(sent, english)) {
			MimeMultipart parts = (MimeMultipart) message.getContent();
			for (int i = 0; i < parts.getCount(); i++) {
				MimeBodyPart part = (MimeBodyPart) parts.getBodyPart(i);
				String byTheLibrary = MimeUtility.getEncoding(new ByteArrayDataSource(
						((String) part.getContent()).getBytes(StandardCharsets.UTF_8), part.getContentType()));
				assertThat(part.getEncoding()).isEqualTo(byTheLibrary);
			}
		}
		assertThat(((MimeBodyPart) ((MimeMultipart) sent.getContent()).getBodyPart(0)).getEncoding())
			.isEqualTo("base64");
		String wire = raw(sent);
		assertThat(wire.lines()).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(998));
		MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
		assertThat(part(received, 0)).contains(longLine, "https://notify.herald.test/manage?token=m");
		assertThat(part(received, 1)).contains("Заседание Совета", "lang=\"ru\"");
	}

	private MimeMessage alert(AlertContent content) throws Exception {
		return this.composer.alert(this.composer.prepare(content, Locale.ENGLISH, null), RECIPIENT);
	}

	private static AlertContent alert(String title, String summary) {
		return new AlertContent("MEETING", title, LocalDate.parse("2023-11-23"), "Minsk, Belarus", "CSTO",
				List.of("Collective Security Council"), summary, List.of("Information security"),
				List.of("A/75/906", "S/2021/534"), "https://catalog.herald.test/records/r-1");
	}

	private static String part(MimeMessage message, int index) throws Exception {
		BodyPart part = ((MimeMultipart) message.getContent()).getBodyPart(index);
		return (String) part.getContent();
	}

	private static String raw(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

}
