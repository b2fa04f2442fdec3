package dev.herald.catalog;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link CatalogProperties} for unit tests, bound the way Spring Boot binds them.
 */
public final class TestProperties {

	private TestProperties() {
	}

	/**
	 * Returns the properties with their defaults, overridden by the given values.
	 * @param values property values, keys without the {@code herald.catalog.} prefix
	 * @return the properties
	 */
	public static CatalogProperties with(Map<String, String> values) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		values.forEach((key, value) -> source.put("herald.catalog." + key, value));
		return new Binder(source).bindOrCreate("herald.catalog", CatalogProperties.class);
	}

	/**
	 * Returns the properties with their defaults.
	 * @return the properties
	 */
	public static CatalogProperties defaults() {
		return with(Map.of());
	}

}
