package dev.herald.ingest.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.herald.ingest.IngestProperties;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The topic taxonomy ({@code topics.yml} of the contract): the known slugs, in the order
 * the file lists them, and each topic's keyword rules.
 */
@Component
public class Taxonomy {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final List<Topic> topics;

	private final Set<String> slugs;

	@Autowired
	public Taxonomy(IngestProperties properties) {
		this(load(properties.taxonomy()));
	}

	Taxonomy(List<Topic> topics) {
		Assert.notEmpty(topics, "The taxonomy lists no topics");
		Set<String> slugs = new LinkedHashSet<>();
		for (Topic topic : topics) {
			Assert.isTrue(topic.slug() != null && SLUG.matcher(topic.slug()).matches(),
					() -> "Invalid topic slug: " + topic.slug());
			Assert.isTrue(slugs.add(topic.slug()), () -> "Duplicate topic slug: " + topic.slug());
		}
		this.topics = List.copyOf(topics);
		this.slugs = Set.copyOf(slugs);
	}

	/**
	 * Returns the topics in the order of the taxonomy file.
	 * @return the topics
	 */
	public List<Topic> topics() {
		return this.topics;
	}

	/**
	 * Returns the known slugs in the order of the taxonomy file.
	 * @return the known slugs
	 */
	public List<String> slugs() {
		return this.topics.stream().map(Topic::slug).toList();
	}

	public boolean isKnown(String slug) {
		return this.slugs.contains(slug);
	}

	private static List<Topic> load(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new YAMLMapper().readValue(in, TopicsFile.class).topics();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the topic taxonomy from " + resource, ex);
		}
	}

	/**
	 * One topic of the taxonomy.
	 *
	 * @param slug stable identifier used in events and subscriptions
	 * @param label English label
	 * @param keywords keyword rules by language
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Topic(String slug, String label, Map<String, List<String>> keywords) {

		public Topic {
			keywords = (keywords != null) ? Map.copyOf(keywords) : Map.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record TopicsFile(List<Topic> topics) {
	}

}
