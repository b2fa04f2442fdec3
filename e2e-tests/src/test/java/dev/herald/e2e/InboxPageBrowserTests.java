package dev.herald.e2e;

import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox page in a real browser, as a developer uses it: the newest email first, found
 * by subject and by recipient, its HTML part visibly rendered in a sandbox where its
 * script does not run, its raw source, deleting it, and the page in Russian.
 */
@ExtendWith({ HeraldSystemExtension.class, BrowserExtension.class })
class InboxPageBrowserTests {

	@Test
	void aDeveloperFindsReadsAndDeletesAnEmail(HeraldSystem system, Browser browser) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String recipient = "inbox-" + run + "@example.org";
		String subject = "Inbox check " + run;
		send(system, "older-" + run + "@example.org", "Older " + run, "older");
		send(system, recipient, subject, run);

		browser.open(system.inboxUrl() + "/?locale=en");
		String firstRow = browser.find(By.cssSelector("tbody tr")).getText();
		assertThat(firstRow).as("the newest email first").contains(subject);

		browser.type(By.id("q"), "subject:\"" + subject + "\"").clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(browser.findAll(By.cssSelector("tbody tr"))).hasSize(1);
		browser.type(By.id("q"), "to:" + recipient).clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(browser.findAll(By.cssSelector("tbody tr"))).hasSize(1);
		assertThat(browser.visibleText()).contains(recipient).doesNotContain("older-" + run);

		browser.clickToPage(By.linkText(subject));
		WebElement frame = browser.find(By.id("html-frame"));
		assertThat(frame.isDisplayed()).isTrue();
		assertThat(frame.getSize().getHeight()).isGreaterThan(100);
		browser.driver().switchTo().frame(frame);
		try {
			String rendered = browser.driver().findElement(By.tagName("body")).getText();
			assertThat(rendered).as("the HTML part as the browser renders it")
				.contains("Rendered only in the HTML part " + run)
				.doesNotContain("SCRIPT RAN");
			WebElement heading = browser.driver().findElement(By.tagName("h1"));
			assertThat(heading.isDisplayed()).isTrue();
			assertThat(heading.getSize().getHeight()).isPositive();
		}
		finally {
			browser.driver().switchTo().defaultContent();
		}
		assertThat(browser.visibleText()).contains("Plain text of " + run);

		browser.find(By.linkText("Raw source")).click();
		assertThat(browser.visibleText()).contains("Subject: " + subject)
			.contains("Content-Type: multipart/alternative");
		browser.back();

		browser.clickToPage(By.xpath("//button[text()='Delete this email']"));
		assertThat(browser.visibleText()).contains("One email was deleted.").doesNotContain(subject);

		browser.clickToPage(By.linkText("Русский"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Входящие");
		browser.open(system.inboxUrl() + "/?locale=ru&q=" + Catalog.encode("to:older-" + run));
		browser.clickToPage(By.linkText("Older " + run));
		assertThat(browser.visibleText()).contains("Текстовая часть");
		browser.open(system.inboxUrl() + "/?locale=en");
	}

	private static void send(HeraldSystem system, String to, String subject, String run) throws MessagingException {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "localhost");
		properties.put("mail.smtp.port", Integer.toString(system.smtpPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("alerts@herald.example"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Plain text of " + run, "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent(
				"<!DOCTYPE html><html><head><title>Alert</title></head><body><h1>Rendered only in the HTML part " + run
						+ "</h1><p id=\"target\"></p>"
						+ "<script>document.getElementById('target').textContent = 'SCRIPT RAN';</script></body></html>",
				"text/html; charset=UTF-8");
		message.setContent(new MimeMultipart("alternative", text, html));
		Transport.send(message);
	}

}
