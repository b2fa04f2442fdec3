package dev.herald.catalog.topic;

import java.util.List;
import java.util.Map;

import dev.herald.contracts.topics.Taxonomy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The taxonomy with the number of records in each topic.
 */
@RestController
@Tag(name = "Topics", description = "The topic taxonomy.")
class TopicController {

	private final Taxonomy taxonomy;

	private final TopicCounts counts;

	TopicController(Taxonomy taxonomy, TopicCounts counts) {
		this.taxonomy = taxonomy;
		this.counts = counts;
	}

	@GetMapping(path = "/api/v1/topics", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "List the topics with their record counts",
			description = "In taxonomy order; a slug from here is a valid 'topic' filter.")
	List<TopicView> topics() {
		Map<String, Long> bySlug = this.counts.bySlug();
		return this.taxonomy.topics()
			.stream()
			.map((topic) -> new TopicView(topic.slug(), topic.label(), topic.description(),
					bySlug.getOrDefault(topic.slug(), 0L)))
			.toList();
	}

	/**
	 * A topic and its record count.
	 *
	 * @param slug the slug
	 * @param label the English label
	 * @param description the description
	 * @param count records carrying this topic
	 */
	@Schema(name = "Topic")
	record TopicView(@Schema(example = "information-security") String slug,
			@Schema(example = "Information security") String label,
			@Schema(example = "Cyber threats, computer incident response and the security of information and "
					+ "communication technologies.") String description,
			@Schema(example = "2") long count) {
	}

}
