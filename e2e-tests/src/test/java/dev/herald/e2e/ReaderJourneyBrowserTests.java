package dev.herald.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reader in a real browser: the catalog's list, every filter of its search form, paging
 * forward and back (its links and the browser's back button), a record's page, the page
 * in Russian, and the Atom feed of a search. Every page met is checked with axe and at
 * 375 px wide.
 */
@ExtendWith({ HeraldSystemExtension.class, BrowserExtension.class })
class ReaderJourneyBrowserTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	/** One more than a page holds, so that there is a second page. */
	private static final int MEETINGS = 21;

	@Test
	void aReaderFiltersPagesReadsARecordSwitchesLanguageAndFindsTheFeed(HeraldSystem system, Browser browser) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String organization = "Reader " + run;
		String statementTitle = "Statement on peacekeeping readiness " + run;
		String russianTitle = "Заседание совета " + run;
		String symbol = "R/" + run.toUpperCase() + "/1";
		List<String> ids = new ArrayList<>();
		for (int number = 1; number <= MEETINGS; number++) {
			ids.add(StoryE2ETests.postOne(system, Records.plain(organization, number)));
		}
		ids.add(StoryE2ETests.postOne(system,
				Map.of("kind", "STATEMENT", "title", statementTitle, "summary",
						"The ministers discussed the readiness of the peacekeeping forces.", "occurredOn",
						LocalDate.now().toString(), "organization", organization, "language", "en", "topics",
						List.of("peacekeeping"), "documentSymbols", List.of(symbol))));
		ids.add(StoryE2ETests.postOne(system,
				Map.of("kind", "MEETING", "title", russianTitle, "summary", "Совет обсудил ход работы.", "occurredOn",
						"2023-11-13", "organization", organization, "language", "ru")));
		Catalog catalog = new Catalog(system);
		await().atMost(PATIENCE)
			.untilAsserted(() -> ids.forEach((id) -> assertThat(catalog.record(id).status()).isEqualTo(200)));

		browser.open(system.catalogUrl() + "/?locale=en");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Records");

		browser.type(By.id("organization"), organization).clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(results(browser)).hasSize(20);
		List<String> firstPage = results(browser);
		browser.clickToPage(By.cssSelector("a[rel=next]"));
		List<String> secondPage = results(browser);
		assertThat(secondPage).hasSize(MEETINGS + 2 - 20).doesNotContainAnyElementsOf(firstPage);
		browser.clickToPage(By.cssSelector("a[rel=prev]"));
		assertThat(results(browser)).isEqualTo(firstPage);
		assertThat(browser.findAll(By.cssSelector("a[rel=prev]"))).as("no page before the first").isEmpty();
		browser.clickToPage(By.cssSelector("a[rel=next]")).back().check();
		assertThat(results(browser)).as("the browser's own back button").isEqualTo(firstPage);

		browser.select(By.id("kind"), "Statement").clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(results(browser)).containsExactly(statementTitle);
		browser.select(By.id("kind"), "Any")
			.tick(By.id("topic-peacekeeping"))
			.clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(results(browser)).containsExactly(statementTitle);
		browser.untick(By.id("topic-peacekeeping"))
			.type(By.id("symbol"), symbol)
			.clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(results(browser)).containsExactly(statementTitle);
		browser.type(By.id("symbol"), "")
			.type(By.id("lang"), "ru")
			.clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(results(browser)).containsExactly(russianTitle);
		browser.type(By.id("lang"), "")
			.type(By.id("from"), "11012023")
			.type(By.id("to"), "11302023")
			.clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(results(browser)).containsExactly(russianTitle);
		browser.type(By.id("from"), "").type(By.id("to"), "");
		browser.type(By.id("q"), "session 7").clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(results(browser)).contains("Working session 7 of " + organization);

		String feed = browser.find(By.linkText("Atom feed of this search")).getAttribute("href");
		assertThat(feed).startsWith(system.catalogUrl() + "/feeds/records.atom?");
		Http.Response atom = Http.get(feed);
		assertThat(atom.status()).isEqualTo(200);
		assertThat(atom.body()).contains("Working session 7 of " + organization).doesNotContain(statementTitle);

		browser.clickToPage(By.linkText("Working session 7 of " + organization));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Working session 7 of " + organization);
		assertThat(browser.visibleText()).contains("Session number 7 took place as planned.");

		browser.clickToPage(By.linkText("Русский"));
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Working session 7 of " + organization);
		browser.clickToPage(By.linkText("Записи"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Записи");
		browser.type(By.id("organization"), organization).clickToPage(By.cssSelector("form[role=search] button"));
		assertThat(results(browser)).hasSize(20);
		browser.clickToPage(By.linkText("Следующая страница"));
		assertThat(results(browser)).isEqualTo(secondPage);
		browser.clickToPage(By.linkText("Предыдущая страница"));
		assertThat(results(browser)).isEqualTo(firstPage);
		browser.clickToPage(By.linkText("English"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Records");
	}

	private static List<String> results(Browser browser) {
		return browser.findAll(By.cssSelector("ol.results h3 a")).stream().map(WebElement::getText).toList();
	}

}
