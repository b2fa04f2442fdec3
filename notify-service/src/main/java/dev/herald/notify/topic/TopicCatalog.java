package dev.herald.notify.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.herald.notify.NotifyProperties;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The known topics, in the order of the taxonomy file.
 */
@Component
public class TopicCatalog {

	private final Map<String, Topic> topics;

	private final List<Topic> ordered;

	@Autowired
	TopicCatalog(NotifyProperties properties) {
		this(load(properties.topics()));
	}

	private TopicCatalog(List<Topic> topics) {
		Map<String, Topic> bySlug = new LinkedHashMap<>();
		topics.forEach((topic) -> bySlug.put(topic.slug(), topic));
		if (bySlug.isEmpty()) {
			throw new IllegalStateException("The topic taxonomy is empty");
		}
		this.topics = Map.copyOf(bySlug);
		this.ordered = List.copyOf(bySlug.values());
	}

	/**
	 * A catalog of the given topics.
	 * @param topics the topics
	 * @return the catalog
	 */
	public static TopicCatalog of(List<Topic> topics) {
		return new TopicCatalog(topics);
	}

	/**
	 * Every topic, in taxonomy order.
	 * @return the topics
	 */
	public List<Topic> all() {
		return this.ordered;
	}

	/**
	 * Every slug, in taxonomy order.
	 * @return the slugs
	 */
	public List<String> slugs() {
		return this.ordered.stream().map(Topic::slug).toList();
	}

	/**
	 * Whether a slug is known.
	 * @param slug the slug
	 * @return whether it names a topic
	 */
	public boolean contains(String slug) {
		return slug != null && this.topics.containsKey(slug);
	}

	/**
	 * The slugs among the given ones that name no topic.
	 * @param slugs slugs to check
	 * @return the unknown ones, in the given order
	 */
	public List<String> unknown(Collection<String> slugs) {
		return slugs.stream().filter((slug) -> !contains(slug)).distinct().toList();
	}

	/**
	 * The label of a topic in a language, or the slug itself when it is not known.
	 * @param slug the slug
	 * @param locale the language
	 * @return the label to show
	 */
	public String label(String slug, Locale locale) {
		Topic topic = this.topics.get(slug);
		return (topic != null) ? topic.label(locale) : slug;
	}

	private static List<Topic> load(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			TaxonomyFile file = YAMLMapper.builder().build().readValue(in, TaxonomyFile.class);
			return file.topics()
				.stream()
				.map((t) -> new Topic(t.slug(), t.label(), t.description(), t.translations()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the topic taxonomy from " + resource, ex);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record TaxonomyFile(List<TaxonomyTopic> topics) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record TaxonomyTopic(String slug, String label, String description, Map<String, Topic.Translation> translations) {
	}

}
