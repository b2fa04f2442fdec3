package dev.herald.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.herald.catalog.record.RecordDocument;

/**
 * Stored record documents for tests that do not go through Kafka.
 */
public final class TestDocuments {

	private TestDocuments() {
	}

	/**
	 * Returns a stored meeting with a fresh id.
	 * @param title its title
	 * @param occurredOn its date as {@code yyyy-MM-dd}
	 * @return the document
	 */
	public static RecordDocument meeting(String title, String occurredOn) {
		return new RecordDocument(UUID.randomUUID().toString(), "MEETING", title, "The ministers met.", null,
				occurredOn, new RecordDocument.Place("Minsk", "Belarus"), "CSTO",
				List.of("Council of Foreign Ministers"), null, List.of("A/75/906"), List.of("regional-security"), "en",
				"https://undocs.org/A/75/906", RecordDocument.revision(Instant.parse("2023-11-22T15:31:07.123456Z")),
				"press-office", List.of("meet"), Instant.now());
	}

}
