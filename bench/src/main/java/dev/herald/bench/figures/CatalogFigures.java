package dev.herald.bench.figures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.herald.bench.BenchOptions;
import dev.herald.bench.baseline.RawBulkWrite;
import dev.herald.bench.load.EventProducer;
import dev.herald.bench.load.RecordFactory;
import dev.herald.bench.report.Figure;
import dev.herald.bench.report.Rate;
import dev.herald.bench.report.ResultTable;
import dev.herald.bench.report.Stats;
import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.CpuTime;
import dev.herald.bench.system.Service;
import org.bson.Document;

/**
 * R5: the catalog draining a backlog, beside the raw driver writing the same documents
 * (and Q1 on the same catalog afterwards).
 */
public final class CatalogFigures {

	private static final int POLL_SIZE = 500;

	private static final String BACKLOG_TOPIC = "bench.backlog";

	private static final String BACKLOG_DATABASE = "bench_catalog_r5";

	private static final String RAW_DATABASE = "bench_raw_r5";

	/** The partitions of {@code herald.records.v1}, as ingest creates it. */
	static final int RECORDS_PARTITIONS = 6;

	private final BenchSystem system;

	private final BenchOptions options;

	public CatalogFigures(BenchSystem system, BenchOptions options) {
		this.system = system;
		this.options = options;
	}

	/**
	 * Measures R5, then Q1, on one catalog consuming a topic of its own (into a database
	 * of its own), which each figure finds with an empty collection.
	 * <p>
	 * R5: the catalog stores a first backlog, untimed, while the JIT compiles its code
	 * (as when records build up during a slow spell of MongoDB); then each repetition
	 * times the drain of a new backlog into an emptied collection, and the raw driver
	 * writes the same documents into an emptied collection of its own with the same
	 * indexes. The catalog stays up, idle, while the raw driver writes.
	 * @param table where the figures go
	 * @param searches Q1's figures
	 * @return the raw driver's median rate in R5 (records/s), or 0 when R5 was not
	 * measured
	 */
	public double backlogThenSearches(ResultTable table, SearchLoadFigures searches) {
		EventProducer producer = new EventProducer(this.system.kafkaBootstrapServers());
		producer.createTopic(BACKLOG_TOPIC, RECORDS_PARTITIONS);
		List<String> settings = new ArrayList<>(SearchLoadFigures.catalogSettings());
		settings.add("--herald.catalog.records-topic=" + BACKLOG_TOPIC);
		settings.add("--spring.mongodb.database=" + BACKLOG_DATABASE);
		Service catalog = this.system.startService("catalog-service", settings.toArray(String[]::new));
		try (MongoClient mongo = MongoClients.create(this.system.mongoUri())) {
			MongoCollection<Document> records = mongo.getDatabase(BACKLOG_DATABASE).getCollection("records");
			double rawRate = 0;
			if (this.options.measures("R5")) {
				rawRate = backlog(table, new Backlogs(catalog, producer, new RecordFactory(5), records,
						mongo.getDatabase(RAW_DATABASE).getCollection("records")));
			}
			if (this.options.measures("Q1")) {
				searches.run(table, catalog, producer, BACKLOG_TOPIC, records);
			}
			this.system.stopService("catalog-service");
			mongo.getDatabase(BACKLOG_DATABASE).drop();
			mongo.getDatabase(RAW_DATABASE).drop();
			return rawRate;
		}
	}

	private double backlog(ResultTable table, Backlogs backlogs) {
		Figure r5 = table.add(Figure.ratio("R5", "catalog draining a backlog of 100,000 records", "records/s",
				"raw driver `bulkWrite` of the same documents, same indexes"));
		r5.note(backlogs.warmUp(this.options.scaled(25_000)).describe("R5"));
		for (int rep = 0; rep < this.options.repetitions(); rep++) {
			backlogs.measure(r5, rep, this.options.scaled(100_000));
		}
		return Stats.median(r5.baseline());
	}

	private static List<String> ids(List<UUID> ids) {
		return ids.stream().map(UUID::toString).toList();
	}

	/**
	 * R5's backlogs on one running catalog, each drained into an emptied collection.
	 */
	private final class Backlogs {

		private final Service catalog;

		private final EventProducer producer;

		private final RecordFactory factory;

		private final MongoCollection<Document> records;

		private final MongoCollection<Document> copy;

		Backlogs(Service catalog, EventProducer producer, RecordFactory factory, MongoCollection<Document> records,
				MongoCollection<Document> copy) {
			this.catalog = catalog;
			this.producer = producer;
			this.factory = factory;
			this.records = records;
			this.copy = copy;
		}

		/**
		 * Untimed: rounds of backlog through the catalog until its JIT is quiet, then the
		 * last round's documents through the raw driver.
		 * @param round records per round
		 * @return how the warm-up went
		 */
		JitWarmUp.Result warmUp(int round) {
			List<UUID> last = new ArrayList<>();
			JitWarmUp.Result result = JitWarmUp.untilQuiet(this.catalog, (n) -> {
				double before = stored();
				last.clear();
				last.addAll(this.producer.write(BACKLOG_TOPIC, round, this.factory, List.of(), "R5-warm-up-" + n));
				Drain.await(this::stored, before + round, Duration.ofMinutes(5));
			});
			RawBulkWrite.copy(this.records, RawBulkWrite.read(this.records), ids(last), this.copy, POLL_SIZE, 0, () -> {
			}, CatalogFigures.this.system::cpu);
			empty();
			return result;
		}

		void measure(Figure r5, int rep, int count) {
			double storedBefore = stored();
			double writesBefore = writes();
			EventProducer.Backlog backlog = this.producer.prepare(BACKLOG_TOPIC, count, this.factory, List.of(),
					"R5-r" + rep);
			CatalogFigures.this.system.collectGarbage();
			this.producer.write(backlog);
			Rate herald = Drain.measure(this::stored, storedBefore, count, Duration.ofMinutes(10),
					CatalogFigures.this.system::cpu);
			double perWrite = (stored() - storedBefore) / (writes() - writesBefore);
			Rate baseline = RawBulkWrite.copy(this.records, RawBulkWrite.read(this.records), ids(backlog.ids()),
					this.copy, POLL_SIZE, Drain.SKIPPED, CatalogFigures.this.system::collectGarbage,
					CatalogFigures.this.system::cpu);
			empty();
			r5.add(herald.perSecond(), baseline.perSecond());
			r5.note(String.format(Locale.ROOT,
					"R5 CPU per 1,000 records (repetition %d): Herald %s; baseline %s (the catalog idle). The catalog "
							+ "wrote %.0f records per bulk write.",
					rep + 1, CpuTime.describe(herald.cpuPerThousand()), CpuTime.describe(baseline.cpuPerThousand()),
					perWrite));
		}

		private double stored() {
			return Metrics.count(this.catalog.url(), "herald.catalog.records.stored");
		}

		private double writes() {
			return Metrics.count(this.catalog.url(), "herald.catalog.store.latency");
		}

		/** Both collections emptied, their indexes kept, for the next backlog. */
		private void empty() {
			this.records.deleteMany(new Document());
			this.copy.deleteMany(new Document());
		}

	}

}
