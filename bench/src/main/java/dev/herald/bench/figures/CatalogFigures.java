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
	 * Measures R5.
	 * @param table where the figure goes
	 */
	public void backlog(ResultTable table) {
		Figure r5 = table.add(Figure.ratio("R5", "catalog draining a backlog of 100,000 records", "records/s",
				"raw driver `bulkWrite` of the same documents, same indexes"));
		try (MongoClient mongo = MongoClients.create(this.system.mongoUri())) {
			for (int rep = 0; rep < this.options.repetitions(); rep++) {
				backlog(r5, rep, mongo);
			}
		}
	}

	/**
	 * One repetition of R5. The catalog runs and has stored a first backlog (its code
	 * compiled by the JIT) when the measured backlog arrives, as when records build up
	 * during a slow spell of MongoDB; the raw driver then writes the same documents, the
	 * first backlog untimed, into a collection of its own with the same indexes.
	 */
	private void backlog(Figure r5, int rep, MongoClient mongo) {
		String topic = "bench.backlog-r" + rep;
		String database = "bench_catalog_r" + rep;
		EventProducer producer = new EventProducer(this.system.kafkaBootstrapServers());
		producer.createTopic(topic, 6);
		RecordFactory factory = new RecordFactory(5 + rep);
		Service catalog = this.system.startService("catalog-service", "--herald.catalog.records-topic=" + topic,
				"--spring.mongodb.database=" + database);
		DoubleSupplier stored = () -> Metrics.count(catalog.url(), "herald.catalog.records.stored");
		int warmUp = this.options.scaled(50_000);
		List<UUID> first = producer.write(topic, warmUp, factory, List.of(), "R5-warm-up-r" + rep);
		Drain.await(stored, warmUp, Duration.ofMinutes(5));
		int count = this.options.scaled(100_000);
		EventProducer.Backlog backlog = producer.prepare(topic, count, factory, List.of(), "R5-r" + rep);
		this.system.collectGarbage();
		producer.write(backlog);
		Rate herald = Drain.measure(stored, warmUp, count, Duration.ofMinutes(10), this.system::cpu);
		double perWrite = stored.getAsDouble() / Metrics.count(catalog.url(), "herald.catalog.store.latency");
		this.system.stopService("catalog-service");
		MongoCollection<Document> records = mongo.getDatabase(database).getCollection("records");
		MongoCollection<Document> copy = mongo.getDatabase("bench_raw_r" + rep).getCollection("records");
		RawBulkWrite.copy(records, ids(first), copy, POLL_SIZE, 0, () -> {
		}, this.system::cpu);
		Rate baseline = RawBulkWrite.copy(records, ids(backlog.ids()), copy, POLL_SIZE, Drain.SKIPPED,
				this.system::collectGarbage, this.system::cpu);
		r5.add(herald.perSecond(), baseline.perSecond());
		r5.note(String.format(Locale.ROOT,
				"R5 CPU per 1,000 records (repetition %d): Herald %s; baseline %s. The catalog wrote %.0f records "
						+ "per bulk write.",
				rep + 1, CpuTime.describe(herald.cpuPerThousand()), CpuTime.describe(baseline.cpuPerThousand()),
				perWrite));
		mongo.getDatabase(database).drop();
		mongo.getDatabase("bench_raw_r" + rep).drop();
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
		Service ingest = this.system.startService("ingest-service");
		Service catalog = this.system.startService("catalog-service", "--spring.mongodb.database=" + LIVE_DATABASE);
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

}
