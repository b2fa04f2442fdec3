package dev.herald.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium driven through chromedriver, both from the system's packages
 * (Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them).
 * Every page a test lands on can be checked the way a person would meet it: axe finds no
 * serious or critical accessibility violation, and at 375 px wide nothing scrolls
 * sideways.
 */
final class Browser implements AutoCloseable {

	/** The narrowest viewport every page must fit without scrolling sideways. */
	static final int NARROW_WIDTH = 375;

	private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ChromeDriver driver;

	private final List<String> checked = new ArrayList<>();

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	static Browser start() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("chromium", "chromium-browser", "google-chrome").toString());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,1000", "--lang=en-US", "--no-first-run", "--disable-extensions");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(executable("chromedriver").toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
		return new Browser(driver);
	}

	/**
	 * Opens a page and checks it.
	 * @param url the page
	 * @return this browser
	 */
	Browser open(String url) {
		this.driver.get(url);
		return check();
	}

	/**
	 * Clicks, waits for the next page to load, and checks it.
	 * @param what the link or button
	 * @return this browser
	 */
	Browser clickToPage(By what) {
		WebElement element = find(what);
		// A mark on the page shown now: the next page, a new document, has none.
		this.driver.executeScript("window.heraldBeforeClick = true;");
		element.click();
		new WebDriverWait(this.driver, WAIT).ignoring(WebDriverException.class)
			.until((driver) -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
					"return window.heraldBeforeClick === undefined && document.readyState === 'complete';")));
		return check();
	}

	/**
	 * Checks the page shown now: no serious or critical axe violation, and no sideways
	 * scrolling at {@value #NARROW_WIDTH} px.
	 * @return this browser
	 */
	Browser check() {
		String page = this.driver.getCurrentUrl() + " (" + this.driver.getTitle() + ")";
		// Not into frames: the only one is the inbox page's sandbox for an email's HTML,
		// where
		// no script runs, so axe would wait a minute for an answer from it.
		Results results = new AxeBuilder()
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
			.disableIframeTesting()
			.analyze(this.driver);
		List<String> blocking = results.getViolations()
			.stream()
			.filter((rule) -> BLOCKING_IMPACTS.contains(rule.getImpact()))
			.map(Browser::describe)
			.toList();
		assertThat(blocking).as("serious or critical accessibility violations on %s", page).isEmpty();
		assertThat(sidewaysOverflowAtNarrowWidth()).as("content wider than %d px on %s", NARROW_WIDTH, page).isEmpty();
		this.checked.add(page);
		return this;
	}

	/**
	 * The elements that stick out of a {@value #NARROW_WIDTH} px wide viewport, empty
	 * when the page needs no sideways scroll.
	 */
	private List<String> sidewaysOverflowAtNarrowWidth() {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", NARROW_WIDTH, "height", 800, "deviceScaleFactor", 1, "mobile", true));
		try {
			@SuppressWarnings("unchecked")
			List<String> wide = (List<String>) this.driver.executeScript("""
					var root = document.documentElement;
					if (root.scrollWidth <= root.clientWidth) { return []; }
					var wide = [];
					document.querySelectorAll('body *').forEach(function (element) {
					  var box = element.getBoundingClientRect();
					  if (box.right > root.clientWidth && wide.length < 5) {
					    wide.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
					      + ' ' + Math.round(box.right) + 'px');
					  }
					});
					return wide.length ? wide : ['the page, ' + root.scrollWidth + 'px'];
					""");
			return wide;
		}
		finally {
			this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	private static String describe(Rule rule) {
		return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
				+ rule.getNodes().stream().limit(3).map((node) -> String.valueOf(node.getTarget())).toList();
	}

	WebElement find(By what) {
		return new WebDriverWait(this.driver, WAIT).until((driver) -> {
			List<WebElement> found = driver.findElements(what);
			return found.isEmpty() ? null : found.get(0);
		});
	}

	List<WebElement> findAll(By what) {
		return this.driver.findElements(what);
	}

	Browser type(By field, String text) {
		WebElement element = find(field);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	Browser select(By field, String visibleText) {
		new Select(find(field)).selectByVisibleText(visibleText);
		return this;
	}

	Browser selectValue(By field, String value) {
		new Select(find(field)).selectByValue(value);
		return this;
	}

	/**
	 * Clicks a link in the HTML part of an email shown on the inbox page, which opens in
	 * a new tab (the sandboxed frame lets nothing else happen), and carries on in that
	 * tab.
	 * @param link the link inside the email
	 * @return this browser, on the linked page, checked
	 */
	Browser followLinkInEmail(By link) {
		String inbox = this.driver.getWindowHandle();
		this.driver.switchTo().frame(find(By.id("html-frame")));
		try {
			find(link).click();
		}
		finally {
			this.driver.switchTo().defaultContent();
		}
		String opened = new WebDriverWait(this.driver, WAIT).until((driver) -> driver.getWindowHandles()
			.stream()
			.filter((handle) -> !handle.equals(inbox))
			.findFirst()
			.orElse(null));
		this.driver.close();
		this.driver.switchTo().window(opened);
		new WebDriverWait(this.driver, WAIT).ignoring(WebDriverException.class)
			.until((driver) -> "complete"
				.equals(((JavascriptExecutor) driver).executeScript("return document.readyState"))
					&& !driver.getCurrentUrl().equals("about:blank"));
		return check();
	}

	/**
	 * The text the HTML part of the email shown on the inbox page displays, as rendered.
	 * @return the visible text of the email's body
	 */
	String emailText() {
		this.driver.switchTo().frame(find(By.id("html-frame")));
		try {
			return this.driver.findElement(By.tagName("body")).getText();
		}
		finally {
			this.driver.switchTo().defaultContent();
		}
	}

	Browser tick(By box) {
		WebElement element = find(box);
		if (!element.isSelected()) {
			element.click();
		}
		return this;
	}

	Browser untick(By box) {
		WebElement element = find(box);
		if (element.isSelected()) {
			element.click();
		}
		return this;
	}

	/**
	 * The text a person sees on the page now (hidden elements excluded).
	 * @return the visible text of the body
	 */
	String visibleText() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	String title() {
		return this.driver.getTitle();
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	Browser back() {
		this.driver.navigate().back();
		return this;
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * The pages checked so far, in order.
	 * @return their addresses and titles
	 */
	List<String> checkedPages() {
		return List.copyOf(this.checked);
	}

	/**
	 * Keeps a screenshot and the markup of the page shown now.
	 * @param folder where to write them
	 * @param name the file name, without extension
	 */
	void keepEvidence(Path folder, String name) {
		try {
			Files.createDirectories(folder);
			Files.write(folder.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
			Files.writeString(folder.resolve(name + ".html"),
					"<!-- " + this.driver.getCurrentUrl() + " -->\n" + this.driver.getPageSource());
		}
		catch (IOException | RuntimeException ex) {
			System.out.println("browser: could not keep the evidence of " + name + ": " + ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	private static Path executable(String... names) {
		List<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			.filter((entry) -> !entry.isEmpty())
			.map(Path::of)
			.toList();
		for (String name : names) {
			for (Path folder : path) {
				Path candidate = folder.resolve(name);
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("The browser tests need " + String.join(" or ", names)
				+ " on the PATH: install Debian's chromium and chromium-driver (.ci/run does)");
	}

}
