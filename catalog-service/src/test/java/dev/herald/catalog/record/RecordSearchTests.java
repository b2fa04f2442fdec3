package dev.herald.catalog.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.herald.catalog.CatalogProperties;
import dev.herald.catalog.TestProperties;
import dev.herald.catalog.TestRecords;
import dev.herald.contracts.text.TextAnalyzer;
import dev.herald.contracts.topics.Taxonomy;
import dev.herald.localstack.test.EnableHeraldInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries and keyset pagination against the real MongoDB-protocol server, with documents
 * written directly.
 */
@DataMongoTest
@EnableHeraldInfrastructure
@Import({ RecordSearch.class, RecordIndexes.class })
@EnableConfigurationProperties(CatalogProperties.class)
class RecordSearchTests {

	private final TextAnalyzer analyzer = new TextAnalyzer();

	private final RecordQueryParser parser = new RecordQueryParser(this.analyzer, Taxonomy.fromContract(),
			TestProperties.defaults());

	@Autowired
	private RecordSearch search;

	@Autowired
	private MongoTemplate mongo;

	@Test
	void indexesShouldExistWithStableNames() {
		List<String> names = this.mongo.indexOps(RecordDocument.COLLECTION)
			.getIndexInfo()
			.stream()
			.map((index) -> index.getName())
			.toList();
		assertThat(names).contains("occurredOn_desc", "topics", "kind_occurredOn_desc", "organization",
				"documentSymbols", "terms");
		new RecordIndexes(this.mongo).afterSingletonsInstantiated();
		assertThat(this.mongo.indexOps(RecordDocument.COLLECTION).getIndexInfo()).hasSize(names.size());
	}

	@Test
	void findShouldWalkPagesNewestFirstWithoutGapsOrRepeats() {
		String organization = TestRecords.uniqueOrganization();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			RecordDocument document = document(organization, LocalDate.of(2023, 1, 1).plusDays(i % 7), "Meeting", "en",
					List.of());
			store(document);
			expected.add(document.id());
		}
		Set<String> seen = new HashSet<>();
		List<RecordDocument> walked = new ArrayList<>();
		RecordQuery query = query(organization, "size", "10");
		RecordSlice slice;
		do {
			slice = this.search.find(query);
			walked.addAll(slice.records());
			slice.records().forEach((record) -> assertThat(seen.add(record.id())).isTrue());
			query = query.after(slice.next());
		}
		while (slice.next() != null);
		assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
		for (int i = 1; i < walked.size(); i++) {
			RecordDocument previous = walked.get(i - 1);
			RecordDocument current = walked.get(i);
			assertThat(previous.occurredOn().compareTo(current.occurredOn()) > 0
					|| (previous.occurredOn().equals(current.occurredOn())
							&& previous.id().compareTo(current.id()) > 0))
				.isTrue();
		}
	}

	@Test
	void previousShouldWalkBackToTheSamePagesAndEndOnTheFirst() {
		String organization = TestRecords.uniqueOrganization();
		for (int i = 0; i < 25; i++) {
			store(document(organization, LocalDate.of(2023, 1, 1).plusDays(i % 4), "Meeting", "en", List.of()));
		}
		RecordQuery first = query(organization, "size", "10");
		List<List<String>> forward = new ArrayList<>();
		List<RecordSlice> slices = new ArrayList<>();
		RecordQuery query = first;
		RecordSlice slice;
		do {
			slice = this.search.find(query);
			slices.add(slice);
			forward.add(ids(slice));
			query = first.after(slice.next());
		}
		while (slice.next() != null);
		assertThat(forward).extracting(List::size).containsExactly(10, 10, 5);
		assertThat(slices.get(0).previous()).as("the first page has none before it").isNull();

		RecordSlice back = this.search.find(first.after(slices.get(2).previous()));
		assertThat(ids(back)).isEqualTo(forward.get(1));
		assertThat(back.next()).isEqualTo(slices.get(1).next());
		back = this.search.find(first.after(back.previous()));
		assertThat(ids(back)).isEqualTo(forward.get(0));
		assertThat(back.previous()).as("back on the first page").isNull();
		assertThat(this.search.find(first.after(back.next())).records()).extracting(RecordDocument::id)
			.isEqualTo(forward.get(1));
	}

	private static List<String> ids(RecordSlice slice) {
		return slice.records().stream().map(RecordDocument::id).toList();
	}

	@Test
	void findShouldCombineFilters() {
		String organization = TestRecords.uniqueOrganization();
		RecordDocument meetingRu = document(organization, LocalDate.of(2023, 11, 13), "Информационная безопасность",
				"ru-RU", List.of("information-security"));
		RecordDocument statement = withKind(document(organization, LocalDate.of(2021, 5, 19),
				"Statement on cooperation", "en", List.of("foreign-policy-cooperation")), "STATEMENT",
				List.of("A/75/906", "S/2021/534"));
		RecordDocument meetingEn = document(organization, LocalDate.of(2023, 11, 23), "Summit of the heads of state",
				"en", List.of("collective-security", "information-security"));
		List.of(meetingRu, statement, meetingEn).forEach(this::store);
		assertThat(ids(query(organization, "topic", "information-security"))).containsExactly(meetingEn.id(),
				meetingRu.id());
		assertThat(ids(query(organization, "kind", "STATEMENT"))).containsExactly(statement.id());
		assertThat(ids(query(organization, "symbol", "A/75/906"))).containsExactly(statement.id());
		assertThat(ids(query(organization, "symbol", "S/2021/*"))).containsExactly(statement.id());
		assertThat(ids(query(organization, "symbol", "a/75/906"))).containsExactly(statement.id());
		assertThat(ids(query(organization, "symbol", "s/*"))).containsExactly(statement.id());
		assertThat(ids(query(organization, "symbol", "A/75"))).isEmpty();
		assertThat(ids(query(organization, "lang", "ru"))).containsExactly(meetingRu.id());
		assertThat(ids(query(organization, "lang", "RU-ru"))).containsExactly(meetingRu.id());
		assertThat(ids(query(organization, "from", "2023-11-13"))).containsExactly(meetingEn.id(), meetingRu.id());
		assertThat(ids(query(organization, "to", "2023-11-13"))).containsExactly(meetingRu.id(), statement.id());
		assertThat(ids(query(organization, "q", "безопасности"))).containsExactly(meetingRu.id());
		assertThat(ids(query(organization, "q", "Summits HEADS"))).containsExactly(meetingEn.id());
		assertThat(ids(query(organization, "q", "summit cooperation"))).isEmpty();
		assertThat(
				ids(parser.parse(new RecordFilter(null, List.of("information-security", "foreign-policy-cooperation"),
						"MEETING", organization, null, "2023-01-01", "2023-11-20", "ru"), null, null)))
			.containsExactly(meetingRu.id());
	}

	@Test
	void findWhenOrganizationLooksLikeAnOperatorShouldMatchItLiterally() {
		String organization = "{\"$ne\": null} " + UUID.randomUUID();
		RecordDocument record = document(organization, LocalDate.of(2023, 1, 1), "Meeting", "en", List.of());
		store(record);
		assertThat(ids(query(organization, "q", "meeting"))).containsExactly(record.id());
		assertThat(this.mongo.getCollection(RecordDocument.COLLECTION)
			.countDocuments(new Document("organization", organization))).isEqualTo(1);
	}

	private List<String> ids(RecordQuery query) {
		return this.search.find(query).records().stream().map(RecordDocument::id).toList();
	}

	@Test
	void everyFilterShouldLeadAnIndex() {
		java.util.Set<String> leading = new java.util.HashSet<>();
		RecordIndexes.INDEXES.forEach((index) -> leading.add(index.getIndexKeys().keySet().iterator().next()));
		for (String[] filter : new String[][] { { "q", "peacekeeping" }, { "topic", "peacekeeping" },
				{ "kind", "MEETING" }, { "symbol", "A/75/906" }, { "symbol", "A/75/*" }, { "lang", "en" },
				{ "from", "2023-01-01" }, { "to", "2023-01-01" } }) {
			org.bson.Document criteria = RecordSearch.criteria(query(null, filter[0], filter[1])).getCriteriaObject();
			java.util.Set<String> fields = new java.util.HashSet<>(criteria.keySet());
			if (criteria.containsKey("$and")) {
				criteria.getList("$and", org.bson.Document.class).forEach((part) -> fields.addAll(part.keySet()));
			}
			fields.remove("$and");
			assertThat(fields).as("fields of the %s filter", filter[0])
				.isNotEmpty()
				.allSatisfy((field) -> assertThat(leading).as("an index leading with %s", field).contains(field));
		}
	}

	private RecordQuery query(String organization, String parameter, String value) {
		RecordFilter filter = switch (parameter) {
			case "q" -> new RecordFilter(value, null, null, organization, null, null, null, null);
			case "topic" -> new RecordFilter(null, List.of(value), null, organization, null, null, null, null);
			case "kind" -> new RecordFilter(null, null, value, organization, null, null, null, null);
			case "symbol" -> new RecordFilter(null, null, null, organization, value, null, null, null);
			case "from" -> new RecordFilter(null, null, null, organization, null, value, null, null);
			case "to" -> new RecordFilter(null, null, null, organization, null, null, value, null);
			case "lang" -> new RecordFilter(null, null, null, organization, null, null, null, value);
			default -> new RecordFilter(null, null, null, organization, null, null, null, null);
		};
		return this.parser.parse(filter, "size".equals(parameter) ? value : null, null);
	}

	private RecordDocument document(String organization, LocalDate occurredOn, String title, String language,
			List<String> topics) {
		return new RecordDocument(UUID.randomUUID().toString(), "MEETING", title, "Summary.", null,
				occurredOn.toString(), null, organization, List.of(), null, List.of(), topics, language, null,
				RecordDocument.revision(Instant.parse("2024-01-01T00:00:00Z")), "press-office",
				this.analyzer.recordTerms(language, List.of(title), List.of()), Instant.now());
	}

	private RecordDocument withKind(RecordDocument document, String kind, List<String> symbols) {
		return new RecordDocument(document.id(), kind, document.title(), document.summary(), document.body(),
				document.occurredOn(), document.place(), document.organization(), document.bodies(),
				document.participants(), symbols, document.topics(), document.language(), document.sourceUrl(),
				document.publishedAt(), document.publishedBy(),
				this.analyzer.recordTerms(document.language(), List.of(document.title()), symbols),
				document.storedAt());
	}

	/**
	 * Stores a record as the catalog's writer does, with the fields it derives.
	 */
	private void store(RecordDocument document) {
		this.mongo.getCollection(RecordDocument.COLLECTION)
			.withDocumentClass(org.bson.BsonDocument.class)
			.insertOne(document.toBson());
	}

}
