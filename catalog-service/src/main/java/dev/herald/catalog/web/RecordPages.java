package dev.herald.catalog.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.herald.catalog.record.InvalidParameterException;
import dev.herald.catalog.record.RecordDocument;
import dev.herald.catalog.record.RecordFilter;
import dev.herald.catalog.record.RecordNotFoundException;
import dev.herald.catalog.record.RecordQuery;
import dev.herald.catalog.record.RecordQueryParser;
import dev.herald.catalog.record.RecordSearch;
import dev.herald.catalog.record.RecordSlice;
import dev.herald.contracts.topics.Taxonomy;
import dev.herald.contracts.topics.Topic;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The reader's pages: {@code /records} (search form, filters, results, next page) and
 * {@code /records/{id}} (one whole record). Plain HTML; every field is written as escaped
 * text by Thymeleaf. The alert emails link to the record page.
 */
@Controller
class RecordPages {

	private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final RecordQueryParser parser;

	private final PublicLinks links;

	private final RecordSearch search;

	private final Taxonomy taxonomy;

	RecordPages(RecordQueryParser parser, RecordSearch search, Taxonomy taxonomy, PublicLinks links) {
		this.links = links;
		this.parser = parser;
		this.search = search;
		this.taxonomy = taxonomy;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/records";
	}

	@GetMapping("/records")
	String records(RecordFilter filter, @RequestParam(required = false) String size,
			@RequestParam(required = false) String cursor, HttpServletRequest request, Locale locale, Model model) {
		addForm(model, filter, request, locale);
		RecordQuery query = this.parser.parse(filter, size, cursor);
		RecordSlice slice = this.search.find(query);
		model.addAttribute("records", slice.records());
		model.addAttribute("firstPage", cursor == null || cursor.isBlank());
		if (slice.next() != null) {
			model.addAttribute("nextUrl",
					this.links.current().replaceQueryParam("cursor", slice.next().encode()).build().toUriString());
		}
		if (slice.previous() != null) {
			model.addAttribute("previousUrl",
					this.links.current().replaceQueryParam("cursor", slice.previous().encode()).build().toUriString());
		}
		return "records";
	}

	@GetMapping("/records/{id}")
	String record(@PathVariable String id, Locale locale, Model model) {
		RecordDocument record = this.search.findById(id).orElseThrow(() -> RecordNotFoundException.forId(id));
		model.addAttribute("record", record);
		model.addAttribute("summaryParagraphs", paragraphs(record.summary()));
		model.addAttribute("bodyParagraphs", paragraphs(record.body()));
		model.addAttribute("topicLabels", topicLabels(locale));
		model.addAttribute("publishedAt", PUBLISHED.withLocale(locale).format(record.publishedAtInstant()));
		return "record";
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalidParameter(InvalidParameterException ex, HttpServletRequest request, Locale locale, Model model) {
		addForm(model, filterOf(request), request, locale);
		model.addAttribute("records", List.of());
		model.addAttribute("error", ex.getMessage());
		model.addAttribute("errorParameter", ex.parameter());
		return "records";
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(RecordNotFoundException ex) {
		return "not-found";
	}

	private void addForm(Model model, RecordFilter filter, HttpServletRequest request, Locale locale) {
		model.addAttribute("filter", filter);
		model.addAttribute("selectedTopics", (filter.topic() != null) ? filter.topic() : List.of());
		model.addAttribute("topics", this.taxonomy.topics());
		model.addAttribute("topicLabels", topicLabels(locale));
		String query = request.getQueryString();
		model.addAttribute("feedUrl",
				this.links.base()
					.path("/feeds/records.atom")
					.query(query)
					.replaceQueryParam("cursor")
					.replaceQueryParam("size")
					.build()
					.toUriString());
	}

	private Map<String, String> topicLabels(Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (Topic topic : this.taxonomy.topics()) {
			labels.put(topic.slug(), topic.label(locale));
		}
		return labels;
	}

	private static RecordFilter filterOf(HttpServletRequest request) {
		String[] topics = request.getParameterValues("topic");
		return new RecordFilter(request.getParameter("q"), (topics != null) ? Arrays.asList(topics) : null,
				request.getParameter("kind"), request.getParameter("organization"), request.getParameter("symbol"),
				request.getParameter("from"), request.getParameter("to"), request.getParameter("lang"));
	}

	static List<String> paragraphs(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).filter((p) -> !p.isEmpty()).toList();
	}

}
