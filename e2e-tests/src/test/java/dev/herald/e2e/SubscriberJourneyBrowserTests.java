package dev.herald.e2e;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber's whole journey in a real browser, by clicks and typing only, in each
 * language: the subscribe page (topics, frequency, language, a saved search), the
 * confirmation email on the inbox page with its HTML part rendered, its link, the confirm
 * button, an alert for a matching record, its manage link, a change of topics and
 * frequency, and unsubscribing. Every page met is checked with axe and at 375 px wide.
 */
@ExtendWith({ HeraldSystemExtension.class, BrowserExtension.class })
class SubscriberJourneyBrowserTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final By SUBMIT = By.cssSelector("main form button[type=submit]");

	@ParameterizedTest(name = "in {0}")
	@ValueSource(strings = { "en", "ru" })
	void aSubscriberSubscribesConfirmsGetsAnAlertChangesTheSubscriptionAndLeaves(String language, HeraldSystem system,
			Browser browser) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String email = "journey-" + language + "-" + run + "@example.org";
		boolean russian = language.equals("ru");

		browser.open(system.notifyUrl() + "/subscribe?locale=en");
		if (russian) {
			browser.clickToPage(By.linkText("Русский"));
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Подписка на уведомления Herald");
		}
		browser.type(By.id("email"), email)
			.tick(By.cssSelector("input[name=topics][value=peacekeeping]"))
			.tick(By.cssSelector("input[name=frequency][value=IMMEDIATE]"))
			.type(By.id("search-0"), "readiness " + run)
			.selectValue(By.id("language"), language)
			.clickToPage(SUBMIT);
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);

		openEmail(system, browser, email, russian ? "Подтвердите" : "Confirm");
		assertThat(browser.emailText()).as("the confirmation's HTML part, as rendered")
			.contains(russian ? "Подтвердить подписку" : "Confirm the subscription");
		browser.followLinkInEmail(By.cssSelector("a[href*='/subscriptions/confirm']"));
		browser.clickToPage(SUBMIT);
		assertThat(browser.find(By.tagName("h1")).getText())
			.isEqualTo(russian ? "Ваша подписка подтверждена" : "Your subscription is confirmed");

		String title = "Peacekeeping readiness review " + run;
		StoryE2ETests.postOne(system, Records.aboutPeacekeeping("CSTO", title));
		openEmail(system, browser, email, title);
		assertThat(browser.emailText()).as("the alert's HTML part, as rendered").contains(title);

		browser.followLinkInEmail(By.cssSelector("a[href*='/subscriptions/manage']"));
		assertThat(browser.visibleText()).contains(email);
		assertThat(browser.find(By.cssSelector("input[name=topics][value=peacekeeping]")).isSelected()).isTrue();
		assertThat(browser.find(By.id("search-0")).getAttribute("value")).isEqualTo("readiness " + run);
		browser.untick(By.cssSelector("input[name=topics][value=peacekeeping]"))
			.tick(By.cssSelector("input[name=topics][value=information-security]"))
			.tick(By.cssSelector("input[name=frequency][value=WEEKLY]"))
			.clickToPage(SUBMIT);
		assertThat(browser.find(By.cssSelector("p.ok")).getText())
			.isEqualTo(russian ? "Ваш выбор сохранён." : "Your choices are saved.");
		assertThat(browser.find(By.cssSelector("input[name=topics][value=peacekeeping]")).isSelected()).isFalse();
		assertThat(browser.find(By.cssSelector("input[name=topics][value=information-security]")).isSelected())
			.isTrue();
		assertThat(browser.find(By.cssSelector("input[name=frequency][value=WEEKLY]")).isSelected()).isTrue();

		browser.clickToPage(By.cssSelector("form[action*='/unsubscribe'] button"));
		assertThat(browser.find(By.tagName("h1")).getText())
			.isEqualTo(russian ? "Вы отписаны" : "You are unsubscribed");
		assertThat(browser.visibleText()).contains(russian ? "Подписаться снова" : "Subscribe again");
	}

	/**
	 * Waits for an email to an address with a subject containing a text, then finds it
	 * through the inbox page's search, as a person would, and opens it.
	 */
	private static void openEmail(HeraldSystem system, Browser browser, String to, String subject) {
		Inbox inbox = new Inbox(system);
		await().atMost(PATIENCE).until(() -> !inbox.matching(to, subject).isEmpty());
		browser.open(system.inboxUrl() + "/?locale=en");
		browser.type(By.id("q"), "to:" + to + " subject:\"" + subject + "\"")
			.clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(browser.findAll(By.cssSelector("tbody tr a"))).hasSize(1);
		browser.clickToPage(By.cssSelector("tbody tr a"));
	}

}
