package dev.herald.catalog.feed;

import java.io.StringReader;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import dev.herald.catalog.TestDocuments;
import dev.herald.catalog.record.RecordDocument;
import dev.herald.contracts.topics.Taxonomy;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class AtomFeedWriterTests {

	private final AtomFeedWriter writer = new AtomFeedWriter(Taxonomy.fromContract());

	@Test
	void writeShouldProduceAnAtomFeedWithStableEntryIdsAndLinks() throws Exception {
		RecordDocument record = TestDocuments.meeting("Meeting <b>in</b> Minsk & more", "2023-11-22");
		Feed feed = parse(this.writer.write(List.of(record), "http://catalog/feeds/records.atom?topic=a",
				"http://catalog/records?topic=a", UriComponentsBuilder.fromUriString("http://catalog")));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getId()).isEqualTo("http://catalog/feeds/records.atom?topic=a");
		assertThat(feed.getUpdated()).isEqualTo(Date.from(Instant.parse("2023-11-22T15:31:07Z")));
		assertThat(feed.getOtherLinks()).extracting(Link::getRel).contains("self");
		Entry entry = feed.getEntries().get(0);
		assertThat(entry.getId()).isEqualTo("urn:uuid:" + record.id());
		assertThat(entry.getTitle()).isEqualTo("Meeting <b>in</b> Minsk & more");
		assertThat(entry.getAlternateLinks().get(0).getHref()).isEqualTo("http://catalog/records/" + record.id());
		assertThat(entry.getSummary().getValue()).isEqualTo("The ministers met.");
		assertThat(entry.getCategories()).singleElement()
			.satisfies((category) -> assertThat(category.getLabel()).isEqualTo("Regional security"));
	}

	@Test
	void writeWhenNoRecordMatchesShouldProduceAValidEmptyFeed() throws Exception {
		Feed feed = parse(this.writer.write(List.of(), "http://catalog/feeds/records.atom", "http://catalog/records",
				UriComponentsBuilder.fromUriString("http://catalog")));
		assertThat(feed.getEntries()).isEmpty();
		assertThat(feed.getUpdated()).isNotNull();
	}

	@Test
	void writeWhenTextHasCharactersXmlCannotCarryShouldDropThem() throws Exception {
		RecordDocument record = TestDocuments.meeting("Lone \uD800 surrogate \uFFFE and \u0001 control", "2023-11-22");
		Feed feed = parse(this.writer.write(List.of(record), "http://catalog/feeds/records.atom",
				"http://catalog/records", UriComponentsBuilder.fromUriString("http://catalog")));
		assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Lone  surrogate  and  control");
	}

	@Test
	void cleanShouldKeepEmojiAndLineBreaks() {
		assertThat(XmlText.clean("a\uD83D\uDE00b\nc\td")).isEqualTo("a\uD83D\uDE00b\nc\td");
	}

	static Feed parse(String xml) throws Exception {
		return (Feed) new WireFeedInput().build(new StringReader(xml));
	}

}
