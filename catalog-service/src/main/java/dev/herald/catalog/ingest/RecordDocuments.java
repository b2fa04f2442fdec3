package dev.herald.catalog.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.herald.catalog.record.RecordDocument;
import dev.herald.contracts.text.TextAnalyzer;

import org.springframework.stereotype.Component;

/**
 * Maps a record event to the document stored for it, search terms included.
 */
@Component
class RecordDocuments {

	private final TextAnalyzer analyzer;

	private final Clock clock = Clock.systemUTC();

	RecordDocuments(TextAnalyzer analyzer) {
		this.analyzer = analyzer;
	}

	RecordDocument toDocument(RecordPublished event) {
		RecordDocument.Place place = (event.place() != null)
				? new RecordDocument.Place(event.place().city(), event.place().country()) : null;
		return new RecordDocument(event.id(), event.kind(), event.title(), event.summary(), event.body(),
				event.occurredOn().toString(), place, event.organization(), event.bodies(), event.participants(),
				event.documentSymbols(), event.topics(), event.language(), event.sourceUrl(),
				RecordDocument.revision(event.publishedAt()), event.publishedBy(), terms(event), this.clock.instant());
	}

	private List<String> terms(RecordPublished event) {
		List<String> texts = new ArrayList<>();
		texts.add(event.title());
		texts.add(event.summary());
		texts.add(event.body());
		texts.add(event.organization());
		if (event.place() != null) {
			texts.add(event.place().city());
			texts.add(event.place().country());
		}
		texts.addAll(nullToEmpty(event.bodies()));
		texts.addAll(nullToEmpty(event.participants()));
		return this.analyzer.recordTerms(event.language(), texts, nullToEmpty(event.documentSymbols()));
	}

	private static List<String> nullToEmpty(List<String> values) {
		return (values != null) ? values : List.of();
	}

}
