package dev.herald.notify;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link NotifyProperties} for unit tests, with the defaults of the properties record.
 */
public final class TestProperties {

	/** The token secret of tests. */
	public static final String TOKEN_SECRET = "test-token-secret-0123456789abcdef0123";

	private TestProperties() {
	}

	/**
	 * Properties with the defaults and the given overrides.
	 * @param overrides property names (below {@code herald.notify.}) and values
	 * @return the properties
	 */
	public static NotifyProperties with(Map<String, String> overrides) {
		Map<String, String> source = new HashMap<>();
		source.put("herald.notify.token-secret", TOKEN_SECRET);
		source.put("herald.notify.catalog-base-url", "https://catalog.herald.test");
		source.put("herald.notify.public-base-url", "https://notify.herald.test");
		overrides.forEach((name, value) -> source.put("herald.notify." + name, value));
		return new Binder(new MapConfigurationPropertySource(source)).bind("herald.notify", NotifyProperties.class)
			.get();
	}

	/**
	 * Properties with the defaults.
	 * @return the properties
	 */
	public static NotifyProperties defaults() {
		return with(Map.of());
	}

}
