package dev.herald.catalog.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.herald.catalog.record.RecordDocument;
import dev.herald.contracts.topics.Taxonomy;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes records as an Atom 1.0 feed with Rome. Entry ids are the records' ids as
 * {@code urn:uuid:} URIs, so they never change; {@code updated} is the instant of the
 * record's current revision.
 */
@Component
class AtomFeedWriter {

	static final int SUMMARY_LENGTH = 1000;

	private final Taxonomy taxonomy;

	AtomFeedWriter(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	String write(List<RecordDocument> records, String selfUrl, String pageUrl, UriComponentsBuilder base) {
		Feed feed = new Feed("atom_1.0");
		feed.setId(selfUrl);
		feed.setTitle("Herald: meetings and statements");
		feed.setSubtitle(text("The newest records of the Herald catalog matching this feed's filters."));
		feed.setUpdated(Date.from(records.stream()
			.map(RecordDocument::publishedAtInstant)
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH)));
		feed.setAlternateLinks(List.of(link("alternate", "text/html", pageUrl)));
		feed.setOtherLinks(List.of(link("self", "application/atom+xml", selfUrl)));
		feed.setAuthors(List.of(person("Herald")));
		feed.setEntries(records.stream().map((record) -> entry(record, base)).toList());
		try {
			return new WireFeedOutput().outputString(feed, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Atom feed could not be written", ex);
		}
	}

	private Entry entry(RecordDocument record, UriComponentsBuilder base) {
		Entry entry = new Entry();
		entry.setId("urn:uuid:" + record.id());
		entry.setTitle(XmlText.clean(record.title()));
		Date revision = Date.from(record.publishedAtInstant());
		entry.setUpdated(revision);
		entry.setPublished(revision);
		entry.setAlternateLinks(List.of(link("alternate", "text/html",
				base.cloneBuilder().path("/records/{id}").buildAndExpand(record.id()).toUriString())));
		entry.setAuthors(List.of(person(record.organization())));
		entry.setSummary(text(summary(record)));
		List<Category> categories = new ArrayList<>();
		for (String slug : record.topics()) {
			Category category = new Category();
			category.setTerm(slug);
			category.setLabel(XmlText.clean(this.taxonomy.label(slug, Locale.ENGLISH)));
			categories.add(category);
		}
		entry.setCategories(categories);
		return entry;
	}

	private static String summary(RecordDocument record) {
		String text = (record.summary() != null) ? record.summary() : record.body();
		if (text.length() > SUMMARY_LENGTH) {
			int end = SUMMARY_LENGTH;
			if (Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			text = text.substring(0, end) + "…";
		}
		return text;
	}

	private static Content text(String value) {
		Content content = new Content();
		content.setType(Content.TEXT);
		content.setValue(XmlText.clean(value));
		return content;
	}

	private static Link link(String rel, String type, String href) {
		Link link = new Link();
		link.setRel(rel);
		link.setType(type);
		link.setHref(href);
		return link;
	}

	private static SyndPerson person(String name) {
		Person person = new Person();
		person.setName(XmlText.clean(name));
		return person;
	}

}
