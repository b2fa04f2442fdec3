package dev.herald.platform.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start a service whose {@code herald.*} settings hold a secret Herald
 * publishes for development (listed in {@code herald/platform/development-secrets.txt}),
 * unless the {@value #LOCAL} profile ({@code ./herald run}, the tests) or the
 * {@value #DEMO} profile (a throwaway compose stack) is active. Runs once the
 * configuration is loaded, before anything connects or listens.
 */
public class DevelopmentSecrets implements EnvironmentPostProcessor, Ordered {

	/** The profile of the local run and of the tests. */
	public static final String LOCAL = "local";

	/** The profile of a throwaway demonstration with the published keys. */
	public static final String DEMO = "demo";

	private static final String PUBLISHED = "herald/platform/development-secrets.txt";

	private final Set<String> published;

	/**
	 * The guard of the secrets Herald publishes.
	 */
	public DevelopmentSecrets() {
		this(readPublished());
	}

	DevelopmentSecrets(Set<String> published) {
		this.published = Set.copyOf(published);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.acceptsProfiles(Profiles.of(LOCAL, DEMO))) {
			return;
		}
		Set<String> offending = new TreeSet<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (name.startsWith("herald.") && this.published.contains(value(environment, name))) {
						offending.add(name);
					}
					else if (name.startsWith("HERALD_") && this.published.contains(enumerable.getProperty(name))) {
						// Read by relaxed binding, without a property of that name in any
						// file.
						offending.add(name);
					}
				}
			}
		}
		if (!offending.isEmpty()) {
			throw new DevelopmentSecretException(offending);
		}
	}

	@Override
	public int getOrder() {
		// After the configuration files are read.
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static String value(ConfigurableEnvironment environment, String name) {
		try {
			return environment.getProperty(name);
		}
		catch (RuntimeException ex) {
			// An unresolvable placeholder is reported where it is used.
			return null;
		}
	}

	/**
	 * The environment variable that sets a property, as the services' configuration names
	 * it: {@code herald.ingest.api-keys[0].sha256} is
	 * {@code HERALD_INGEST_API_KEYS_0_SHA256}.
	 * @param property the property
	 * @return the variable's name
	 */
	static String variable(String property) {
		if (property.startsWith("HERALD_")) {
			return property;
		}
		return property.replaceAll("\\[(\\d+)]", "_$1").replaceAll("[.-]", "_").toUpperCase(java.util.Locale.ROOT);
	}

	private static Set<String> readPublished() {
		InputStream in = DevelopmentSecrets.class.getClassLoader().getResourceAsStream(PUBLISHED);
		if (in == null) {
			throw new IllegalStateException("Missing " + PUBLISHED);
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Thrown when a setting holds a published development secret outside the local and
	 * demo profiles.
	 */
	public static class DevelopmentSecretException extends IllegalStateException {

		private final Set<String> properties;

		DevelopmentSecretException(Set<String> properties) {
			super("Refusing to start: "
					+ properties.stream()
						.map((property) -> property.equals(variable(property)) ? property
								: property + " (" + variable(property) + ")")
						.collect(Collectors.joining(", "))
					+ " holds a development secret that Herald publishes. Set your own value, or run with the " + LOCAL
					+ " profile (./herald run) or the " + DEMO + " profile (a throwaway demonstration).");
			this.properties = Set.copyOf(properties);
		}

		/**
		 * The settings that hold a published secret.
		 * @return their property names
		 */
		public Set<String> properties() {
			return this.properties;
		}

	}

}
