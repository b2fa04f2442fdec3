package dev.herald.catalog.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.stereotype.Component;

/**
 * The topic taxonomy, read once from {@code herald/contracts/topics.yml} in the contracts
 * jar. Keyword rules are ingest's business; the catalog reads slugs, labels and
 * descriptions.
 */
@Component
public class Taxonomy {

	static final String LOCATION = "herald/contracts/topics.yml";

	private final Map<String, Topic> topics;

	public Taxonomy() {
		this(LOCATION);
	}

	Taxonomy(String location) {
		this.topics = load(location);
	}

	private static Map<String, Topic> load(String location) {
		ObjectMapper yaml = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(location)) {
			if (in == null) {
				throw new IllegalStateException(location + " is not on the classpath (contracts jar missing?)");
			}
			Map<String, Topic> topics = new LinkedHashMap<>();
			for (Topic topic : yaml.readValue(in, TopicsFile.class).topics()) {
				topics.put(topic.slug(), topic);
			}
			return topics;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the topics in the order of the taxonomy file.
	 * @return the topics
	 */
	public List<Topic> topics() {
		return List.copyOf(this.topics.values());
	}

	/**
	 * Returns whether a slug names a topic.
	 * @param slug the slug
	 * @return whether the taxonomy has it
	 */
	public boolean contains(String slug) {
		return this.topics.containsKey(slug);
	}

	/**
	 * Finds a topic.
	 * @param slug the slug
	 * @return the topic, or empty if the slug is unknown
	 */
	public Optional<Topic> find(String slug) {
		return Optional.ofNullable(this.topics.get(slug));
	}

	/**
	 * Returns the label of a slug, or the slug itself when the taxonomy does not know it
	 * (a record may carry a topic added to the taxonomy later).
	 * @param slug the slug
	 * @return the label
	 */
	public String label(String slug) {
		return find(slug).map(Topic::label).orElse(slug);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record TopicsFile(List<Topic> topics) {
	}

}
