package dev.herald.contracts.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The topic taxonomy of the contract ({@code topics.yml}): every topic in the order the
 * file lists them. The one reader of that file; each service makes it a bean.
 */
public final class Taxonomy {

	/** Where the contracts jar carries the taxonomy. */
	public static final String LOCATION = "herald/contracts/topics.yml";

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final Map<String, Topic> topics;

	private final List<Topic> ordered;

	/** Every slug, in taxonomy order: classification reads them for every record. */
	private final List<String> slugs;

	private Taxonomy(List<Topic> topics) {
		if (topics == null || topics.isEmpty()) {
			throw new IllegalStateException("The topic taxonomy lists no topics");
		}
		Map<String, Topic> bySlug = new LinkedHashMap<>();
		for (Topic topic : topics) {
			if (topic.slug() == null || !SLUG.matcher(topic.slug()).matches()) {
				throw new IllegalStateException("Invalid topic slug: " + topic.slug());
			}
			if (bySlug.putIfAbsent(topic.slug(), topic) != null) {
				throw new IllegalStateException("Duplicate topic slug: " + topic.slug());
			}
		}
		this.ordered = List.copyOf(bySlug.values());
		this.slugs = this.ordered.stream().map(Topic::slug).toList();
		this.topics = Map.copyOf(bySlug);
	}

	/**
	 * A taxonomy of the given topics.
	 * @param topics the topics, in order
	 * @return the taxonomy
	 * @throws IllegalStateException if there are none, or a slug is invalid or repeated
	 */
	public static Taxonomy of(List<Topic> topics) {
		return new Taxonomy(topics);
	}

	/**
	 * The taxonomy the contracts jar carries.
	 * @return the taxonomy
	 */
	public static Taxonomy fromContract() {
		return read(() -> {
			InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(LOCATION);
			if (in == null) {
				throw new IllegalStateException(LOCATION + " is not on the classpath (contracts jar missing?)");
			}
			return in;
		}, LOCATION);
	}

	/**
	 * Reads a taxonomy file.
	 * @param source opens the YAML file
	 * @param name what to call the file in an error
	 * @return the taxonomy
	 * @throws UncheckedIOException if the file cannot be read
	 */
	public static Taxonomy read(Source source, String name) {
		try (InputStream in = source.open()) {
			return of(YAMLMapper.builder().build().readValue(in, TaxonomyFile.class).topics());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the topic taxonomy from " + name, ex);
		}
	}

	/**
	 * Every topic, in taxonomy order.
	 * @return the topics
	 */
	public List<Topic> topics() {
		return this.ordered;
	}

	/**
	 * Every slug, in taxonomy order.
	 * @return the slugs
	 */
	public List<String> slugs() {
		return this.slugs;
	}

	/**
	 * Whether a slug names a topic.
	 * @param slug the slug
	 * @return whether the taxonomy has it
	 */
	public boolean contains(String slug) {
		return slug != null && this.topics.containsKey(slug);
	}

	/**
	 * Finds a topic.
	 * @param slug the slug
	 * @return the topic, or empty if the slug is unknown
	 */
	public Optional<Topic> find(String slug) {
		return Optional.ofNullable((slug != null) ? this.topics.get(slug) : null);
	}

	/**
	 * The slugs among the given ones that name no topic.
	 * @param slugs slugs to check
	 * @return the unknown ones, in the given order, each once
	 */
	public List<String> unknown(Collection<String> slugs) {
		return slugs.stream().filter((slug) -> !contains(slug)).distinct().toList();
	}

	/**
	 * The label of a slug in a language, or the slug itself when the taxonomy does not
	 * know it (a record may carry a topic added to the taxonomy later).
	 * @param slug the slug
	 * @param locale the language
	 * @return the label to show
	 */
	public String label(String slug, Locale locale) {
		return find(slug).map((topic) -> topic.label(locale)).orElse(slug);
	}

	/**
	 * Opens a taxonomy file, such as a Spring {@code Resource::getInputStream}.
	 */
	@FunctionalInterface
	public interface Source {

		/**
		 * Opens the file.
		 * @return its content, which the reader closes
		 * @throws IOException if it cannot be opened
		 */
		InputStream open() throws IOException;

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record TaxonomyFile(List<Topic> topics) {
	}

}
