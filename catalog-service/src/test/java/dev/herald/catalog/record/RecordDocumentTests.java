package dev.herald.catalog.record;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import dev.herald.catalog.TestDocuments;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordDocument}.
 */
class RecordDocumentTests {

	private final MappingMongoConverter converter = converter();

	@Test
	void toBsonShouldWriteTheBytesTheMappingConverterWritesLessItsTypeHint() {
		RecordDocument record = new RecordDocument("5c1f0a4e-8d1b-4f57-9a39-0d8f6f7e2a11", "MEETING", "Title",
				"Summary", "Body", "2023-11-22", new RecordDocument.Place("Minsk", "Belarus"), "CSTO",
				List.of("Council of Foreign Ministers"), List.of("Someone"), List.of("A/75/906"),
				List.of("peacekeeping"), "en", "https://example.org/a", "2023-11-22T15:31:07.000000000Z",
				"press-office", List.of("council", "meet"), Instant.parse("2024-01-02T03:04:05.678Z"));
		assertThat(bytes(withoutLanguages(record.toBson()))).isEqualTo(bytes(converted(record)));
	}

	@Test
	void toBsonShouldAddTheLanguageAndItsPrefixesInSmallLettersForTheLanguageFilter() {
		RecordDocument record = TestDocuments.meeting("Title", "2023-11-22");
		RecordDocument british = new RecordDocument(record.id(), record.kind(), record.title(), null, null,
				record.occurredOn(), null, record.organization(), List.of(), null, List.of(), List.of(),
				"en-GB-oxendict", null, record.publishedAt(), record.publishedBy(), List.of(), record.storedAt());
		assertThat(british.toBson().getArray("languages").stream().map((value) -> value.asString().getValue()))
			.containsExactly("en", "en-gb", "en-gb-oxendict");
	}

	@Test
	void toBsonWhenOptionalFieldsAreMissingShouldLeaveThemOutAsTheConverterDoes() {
		RecordDocument record = TestDocuments.meeting("Title", "2023-11-22");
		RecordDocument sparse = new RecordDocument(record.id(), record.kind(), record.title(), null, null,
				record.occurredOn(), null, record.organization(), List.of(), null, List.of(), List.of(), "ru", null,
				record.publishedAt(), record.publishedBy(), List.of(), record.storedAt());
		assertThat(bytes(withoutLanguages(sparse.toBson()))).isEqualTo(bytes(converted(sparse)));
		assertThat(sparse.toBson()).doesNotContainKeys("summary", "place", "sourceUrl");
	}

	/**
	 * The document less the field derived for the language filter, which the mapping
	 * converter does not know.
	 */
	private static BsonDocument withoutLanguages(BsonDocument document) {
		assertThat(document).containsKey("languages");
		BsonDocument copy = new BsonDocument();
		document.forEach(copy::put);
		copy.remove("languages");
		return copy;
	}

	private static byte[] bytes(BsonDocument document) {
		return toArray(new RawBsonDocument(document, new BsonDocumentCodec()));
	}

	private static byte[] bytes(Document document) {
		return toArray(new RawBsonDocument(document, new DocumentCodec()));
	}

	private static byte[] toArray(RawBsonDocument document) {
		ByteBuffer buffer = document.getByteBuffer().asNIO();
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

	private Document converted(RecordDocument record) {
		Document document = new Document();
		this.converter.write(record, document);
		document.remove("_class");
		return document;
	}

	private static MappingMongoConverter converter() {
		MongoCustomConversions conversions = new MongoCustomConversions(List.of());
		MongoMappingContext context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		return converter;
	}

}
