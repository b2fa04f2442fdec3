package dev.herald.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text for people exists in English and in Russian: a key in one bundle and not in
 * the other fails the build, as does an empty value.
 */
class MessageBundlesTests {

	@Test
	void englishAndRussianBundlesShouldHoldTheSameKeysEachWithAText() throws IOException {
		Properties english = load("messages.properties");
		Properties russian = load("messages_ru.properties");
		assertThat(russian.stringPropertyNames()).as("keys of messages_ru.properties")
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		english.forEach((key, value) -> assertThat(value.toString()).as("English " + key).isNotBlank());
		russian.forEach((key, value) -> assertThat(value.toString()).as("Russian " + key).isNotBlank());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
