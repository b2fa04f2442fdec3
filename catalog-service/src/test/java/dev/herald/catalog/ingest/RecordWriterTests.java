package dev.herald.catalog.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.herald.catalog.TestRecords;
import dev.herald.catalog.record.RecordDocument;
import dev.herald.localstack.test.EnableHeraldInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk upsert against the real MongoDB-protocol server.
 */
@DataMongoTest
@EnableHeraldInfrastructure
@Import({ RecordWriter.class, RecordDocuments.class, CatalogMetrics.class, RecordWriterTests.Meters.class })
class RecordWriterTests {

	@Autowired
	private RecordWriter writer;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private RecordDocuments documents;

	@Test
	void storeWhenRecordsAreNewShouldInsertThemWithTheirTerms() {
		String organization = TestRecords.uniqueOrganization();
		RecordPublished first = TestRecords.read(TestRecords.meeting(organization));
		RecordPublished second = TestRecords.read(TestRecords.meeting(organization));
		StoreResult result = this.writer.store(List.of(first, second));
		assertThat(result).isEqualTo(new StoreResult(2, 0));
		RecordDocument stored = this.mongo.findById(first.id(), RecordDocument.class);
		assertThat(stored.title()).isEqualTo(first.title());
		assertThat(stored.occurredOn()).isEqualTo("2023-11-22");
		assertThat(stored.publishedAt()).isEqualTo("2023-11-22T15:31:07.000000000Z");
		assertThat(stored.terms()).contains("meet", "minist", "minsk");
		assertThat(this.meters.counter("herald.catalog.records.stored").count()).isGreaterThanOrEqualTo(2);
		assertThat(this.meters.timer("herald.catalog.store.latency").count()).isPositive();
	}

	@Test
	void storeWhenSameEventsArriveThreeTimesInAnyOrderShouldKeepOneDocumentEach() {
		String organization = TestRecords.uniqueOrganization();
		List<RecordPublished> events = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			events.add(TestRecords.read(TestRecords.meeting(organization)));
		}
		List<RecordPublished> deliveries = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			deliveries.addAll(events);
		}
		Collections.shuffle(deliveries, new Random(42));
		this.writer.store(deliveries.subList(0, 30));
		StoreResult second = this.writer.store(deliveries.subList(30, 60));
		assertThat(second.stored() + second.skipped()).isEqualTo(30);
		assertThat(this.mongo.count(byOrganization(organization), RecordDocument.class)).isEqualTo(20);
		assertThat(this.writer.store(events)).isEqualTo(new StoreResult(0, 20));
	}

	@Test
	void storeWhenOlderRevisionArrivesAfterNewerShouldKeepTheNewer() {
		ObjectNode event = TestRecords.meeting(TestRecords.uniqueOrganization());
		RecordPublished older = TestRecords
			.read(TestRecords.revision(event, Instant.parse("2024-01-01T10:00:00Z"), "Old"));
		RecordPublished newer = TestRecords
			.read(TestRecords.revision(event, Instant.parse("2024-01-01T10:00:00.000001Z"), "New"));
		assertThat(this.writer.store(List.of(newer))).isEqualTo(new StoreResult(1, 0));
		assertThat(this.writer.store(List.of(older))).isEqualTo(new StoreResult(0, 1));
		assertThat(this.mongo.findById(newer.id(), RecordDocument.class).title()).isEqualTo("New");
	}

	@Test
	void storeWhenNewerRevisionArrivesShouldReplaceTheOlder() {
		ObjectNode event = TestRecords.meeting(TestRecords.uniqueOrganization());
		event.putArray("participants").add("Someone");
		RecordPublished older = TestRecords
			.read(TestRecords.revision(event, Instant.parse("2024-01-01T10:00:00Z"), "Old"));
		ObjectNode newerEvent = TestRecords.revision(event, Instant.parse("2024-01-02T10:00:00Z"), "New");
		newerEvent.remove("participants");
		RecordPublished newer = TestRecords.read(newerEvent);
		this.writer.store(List.of(older));
		assertThat(this.writer.store(List.of(newer))).isEqualTo(new StoreResult(1, 0));
		RecordDocument stored = this.mongo.findById(newer.id(), RecordDocument.class);
		assertThat(stored.title()).isEqualTo("New");
		assertThat(stored.participants()).isNull();
	}

	@Test
	void storeWhenRevisionsShareOnePollShouldWriteTheNewestOnly() {
		ObjectNode event = TestRecords.meeting(TestRecords.uniqueOrganization());
		RecordPublished newer = TestRecords
			.read(TestRecords.revision(event, Instant.parse("2024-02-01T00:00:00Z"), "New"));
		RecordPublished older = TestRecords
			.read(TestRecords.revision(event, Instant.parse("2024-01-01T00:00:00Z"), "Old"));
		assertThat(this.writer.store(List.of(newer, older))).isEqualTo(new StoreResult(1, 1));
		assertThat(this.mongo.findById(newer.id(), RecordDocument.class).title()).isEqualTo("New");
	}

	@Test
	void storeWhenANewerRevisionIsWrittenConcurrentlyShouldKeepIt() {
		ObjectNode event = TestRecords.meeting(TestRecords.uniqueOrganization());
		RecordPublished first = TestRecords
			.read(TestRecords.revision(event, Instant.parse("2024-01-01T00:00:00Z"), "1"));
		RecordPublished second = TestRecords
			.read(TestRecords.revision(event, Instant.parse("2024-02-01T00:00:00Z"), "2"));
		RecordPublished third = TestRecords
			.read(TestRecords.revision(event, Instant.parse("2024-03-01T00:00:00Z"), "3"));
		this.writer.store(List.of(first));
		RecordWriter racing = writerRacedAfterItsRead(third);
		assertThat(racing.store(List.of(second))).isEqualTo(new StoreResult(0, 1));
		assertThat(this.mongo.findById(second.id(), RecordDocument.class).title()).isEqualTo("3");
	}

	@Test
	void storeWhenTheSameIdIsInsertedConcurrentlyShouldKeepTheNewer() {
		ObjectNode event = TestRecords.meeting(TestRecords.uniqueOrganization());
		RecordPublished older = TestRecords
			.read(TestRecords.revision(event, Instant.parse("2024-01-01T00:00:00Z"), "old"));
		RecordPublished newer = TestRecords
			.read(TestRecords.revision(event, Instant.parse("2024-02-01T00:00:00Z"), "new"));
		RecordWriter racing = writerRacedBeforeItsInsert(newer);
		assertThat(racing.store(List.of(older))).isEqualTo(new StoreResult(0, 1));
		assertThat(this.mongo.findById(older.id(), RecordDocument.class).title()).isEqualTo("new");
	}

	/**
	 * Returns a writer whose first read of stored revisions is followed by another writer
	 * storing the given revision, as a second consumer could between that read and the
	 * replacement.
	 */
	private RecordWriter writerRacedAfterItsRead(RecordPublished concurrent) {
		MongoTemplate racingMongo = Mockito.spy(this.mongo);
		AtomicBoolean raced = new AtomicBoolean();
		Mockito.doAnswer((invocation) -> {
			Object result = invocation.callRealMethod();
			if (raced.compareAndSet(false, true)) {
				this.writer.store(List.of(concurrent));
			}
			return result;
		})
			.when(racingMongo)
			.find(ArgumentMatchers.any(Query.class), ArgumentMatchers.eq(Document.class), ArgumentMatchers.anyString());
		return new RecordWriter(racingMongo, this.documents, new CatalogMetrics(new SimpleMeterRegistry()));
	}

	/**
	 * Returns a writer whose first insert is preceded by another writer storing the given
	 * revision under the same id, as a second consumer could.
	 */
	private RecordWriter writerRacedBeforeItsInsert(RecordPublished concurrent) {
		MongoTemplate racingMongo = Mockito.spy(this.mongo);
		AtomicBoolean raced = new AtomicBoolean();
		Mockito.doAnswer((invocation) -> {
			if (raced.compareAndSet(false, true)) {
				this.writer.store(List.of(concurrent));
			}
			return invocation.callRealMethod();
		}).when(racingMongo).getCollection(ArgumentMatchers.anyString());
		return new RecordWriter(racingMongo, this.documents, new CatalogMetrics(new SimpleMeterRegistry()));
	}

	private static Query byOrganization(String organization) {
		return new Query(Criteria.where("organization").is(organization));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
