package dev.herald.bench.figures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.herald.bench.BenchOptions;
import dev.herald.bench.baseline.RawBulkWrite;
import dev.herald.bench.load.EventProducer;
import dev.herald.bench.load.PacedLoad;
import dev.herald.bench.load.RecordFactory;
import dev.herald.bench.report.Figure;
import dev.herald.bench.report.Rate;
import dev.herald.bench.report.ResultTable;
import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.CpuTime;
import dev.herald.bench.system.Service;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R5: the catalog draining a backlog, beside the raw driver writing the same documents;
 * L1: how long a posted record takes to become readable in the catalog's API.
 */
public final class CatalogFigures {

	/** How long sampled records are awaited in the catalog's API. */
	private static final Duration READABLE_WAIT = Duration.ofSeconds(120);

	private static final int POLL_SIZE = 500;

	/** A rate of records that ingest and the catalog together sustain on 2 cores. */
	private static final double SUSTAINED = 5_000;

	private static final String LIVE_DATABASE = "bench_catalog_live";

	private static final String BACKLOG_TOPIC = "bench.backlog";

	private static final String BACKLOG_DATABASE = "bench_catalog_r5";

	private static final String RAW_DATABASE = "bench_raw_r5";

	/** The partitions of {@code herald.records.v1}, as ingest creates it. */
	private static final int RECORDS_PARTITIONS = 6;

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
	 */
	public void backlogThenSearches(ResultTable table, SearchLoadFigures searches) {
		EventProducer producer = new EventProducer(this.system.kafkaBootstrapServers());
		producer.createTopic(BACKLOG_TOPIC, RECORDS_PARTITIONS);
		Service catalog = this.system.startService("catalog-service", "--herald.catalog.records-topic=" + BACKLOG_TOPIC,
				"--spring.mongodb.database=" + BACKLOG_DATABASE);
		try (MongoClient mongo = MongoClients.create(this.system.mongoUri())) {
			MongoCollection<Document> records = mongo.getDatabase(BACKLOG_DATABASE).getCollection("records");
			if (this.options.measures("R5")) {
				backlog(table, new Backlogs(catalog, producer, new RecordFactory(5), records,
						mongo.getDatabase(RAW_DATABASE).getCollection("records")));
			}
			if (this.options.measures("Q1")) {
				searches.run(table, catalog, producer, BACKLOG_TOPIC, records);
			}
			this.system.stopService("catalog-service");
			mongo.getDatabase(BACKLOG_DATABASE).drop();
			mongo.getDatabase(RAW_DATABASE).drop();
		}
	}

	private void backlog(ResultTable table, Backlogs backlogs) {
		Figure r5 = table.add(Figure.ratio("R5", "catalog draining a backlog of 100,000 records", "records/s",
				"raw driver `bulkWrite` of the same documents, same indexes"));
		r5.note(backlogs.warmUp(this.options.scaled(25_000)).describe("R5"));
		for (int rep = 0; rep < this.options.repetitions(); rep++) {
			backlogs.measure(r5, rep, this.options.scaled(100_000));
		}
	}

	private static List<String> ids(List<UUID> ids) {
		return ids.stream().map(UUID::toString).toList();
	}

	/**
	 * Measures L1: ingest and the catalog running, batches of 100 records posted at a
	 * steady rate; a sample of the records is polled on the catalog's API until it reads.
	 * First at half of R2's rate, as asked; then at a rate well within what the two
	 * services sustain together on this machine, which shows the latency of the path
	 * itself rather than of a queue.
	 * @param table where the figures go
	 * @param halfOfR2 half of R2's rate, in records per second
	 */
	public void latency(ResultTable table, double halfOfR2) {
		Map<String, Service> services = this.system.startServices(Map.of("ingest-service", List.of(), "catalog-service",
				List.of("--spring.mongodb.database=" + LIVE_DATABASE)));
		Service ingest = services.get("ingest-service");
		Service catalog = services.get("catalog-service");
		List<String> bodies = batches(new RecordFactory(7), 50);
		// Not counted: the services' code is compiled by the JIT under load first.
		posting(ingest, catalog, bodies, SUSTAINED, Duration.ofMillis(this.options.scaled(6_000)));
		// At half of R2 the catalog falls behind for as long as posting goes on: a short
		// spell shows it, and keeps the backlog (and the in-memory database) small.
		latency(table, ingest, catalog, bodies, halfOfR2, "(half of R2)", this.options.scaled(5_000));
		latency(table, ingest, catalog, bodies, SUSTAINED, "(well within what ingest and catalog sustain here)",
				this.options.scaled(6_000));
		this.system.stopService("catalog-service");
		try (MongoClient mongo = MongoClients.create(this.system.mongoUri())) {
			mongo.getDatabase(LIVE_DATABASE).drop();
		}
	}

	private void latency(ResultTable table, Service ingest, Service catalog, List<String> bodies,
			double recordsPerSecond, String why, long postingMillis) {
		Figure p50 = table.add(Figure.alone("L1 p50",
				String.format("POST → readable in the catalog API, at %,.0f records/s %s", recordsPerSecond, why),
				"ms"));
		Figure p99 = table.add(Figure.alone("L1 p99", "the same, 99th percentile", "ms"));
		for (int rep = 0; rep < this.options.repetitions(); rep++) {
			posting(ingest, catalog, bodies, recordsPerSecond, Duration.ofMillis(postingMillis)).addTo(p50, p99,
					"sampled records", READABLE_WAIT);
		}
	}

	private Latencies posting(Service ingest, Service catalog, List<String> bodies, double recordsPerSecond,
			Duration duration) {
		double batchesPerSecond = recordsPerSecond / 100;
		int sampleEvery = Math.max(1, (int) Math.round(batchesPerSecond / 20));
		Latencies latencies = new Latencies();
		try (ReadableWatch watch = new ReadableWatch(catalog.url(), RECORDS_PARTITIONS, latencies)) {
			new PacedLoad().run(batchesPerSecond, duration,
					(n) -> Operator.post(ingest.url() + "/api/v1/records/batch", bodies.get(n % bodies.size())),
					(n, sentAt, response) -> {
						String id = (n % sampleEvery == 0 && response != null && response.statusCode() == 200)
								? firstAcceptedId(response.body()) : null;
						if (id != null) {
							watch.watch(id, sentAt);
						}
					});
			watch.awaitAll(READABLE_WAIT);
		}
		return latencies;
	}

	private static String firstAcceptedId(String batchAnswer) {
		JsonNode first = JSON.readTree(batchAnswer).path("items").path(0);
		return "accepted".equals(first.path("status").asString()) ? first.path("id").asString() : null;
	}

	private static List<String> batches(RecordFactory factory, int count) {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			List<Object> records = new ArrayList<>();
			for (int j = 0; j < 100; j++) {
				records.add(factory.request(factory.title("L1 " + i + "." + j), List.of()));
			}
			bodies.add(RecordFactory.json(records));
		}
		return bodies;
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
