package dev.herald.platform.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text for people exists in every language pages are written in: for each message
 * bundle of the repository's modules, a key in one language and not in another fails the
 * build, as does an empty value.
 */
class MessageBundlesTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	@Test
	void everyBundleShouldHoldTheSameKeysInEveryLanguageEachWithAText() throws IOException {
		List<Path> bundles = bundles();
		assertThat(bundles).as("message bundles of the modules").hasSizeGreaterThanOrEqualTo(2);
		for (Path english : bundles) {
			Properties base = load(english);
			base.forEach((key, value) -> assertThat(value.toString()).as(english + " " + key).isNotBlank());
			for (var locale : PageLocales.SUPPORTED.subList(1, PageLocales.SUPPORTED.size())) {
				Path translated = english.resolveSibling("messages_" + locale.getLanguage() + ".properties");
				assertThat(translated).as("the %s bundle beside %s", locale, english).isRegularFile();
				Properties other = load(translated);
				assertThat(other.stringPropertyNames()).as("keys of " + translated)
					.containsExactlyInAnyOrderElementsOf(base.stringPropertyNames());
				other.forEach((key, value) -> assertThat(value.toString()).as(translated + " " + key).isNotBlank());
			}
		}
	}

	private static List<Path> bundles() throws IOException {
		try (Stream<Path> modules = Files.list(REPOSITORY)) {
			return modules.map((module) -> module.resolve("src/main/resources/messages.properties"))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
	}

	private static Properties load(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
