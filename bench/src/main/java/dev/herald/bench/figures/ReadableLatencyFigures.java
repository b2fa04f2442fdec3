package dev.herald.bench.figures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.bench.BenchOptions;
import dev.herald.bench.load.EventProducer;
import dev.herald.bench.load.PacedLoad;
import dev.herald.bench.load.RecordFactory;
import dev.herald.bench.report.Figure;
import dev.herald.bench.report.ResultTable;
import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.CpuTime;
import dev.herald.bench.system.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * L1: how long a posted record takes to become readable in the catalog's API, and what
 * the path costs in CPU at the rate posted.
 */
public final class ReadableLatencyFigures {

	/** How long sampled records are awaited in the catalog's API. */
	private static final Duration READABLE_WAIT = Duration.ofSeconds(120);

	/** A rate of records that ingest and the catalog together sustain on 2 cores. */
	private static final double SUSTAINED = 5_000;

	private static final String LIVE_DATABASE = "bench_catalog_live";

	/**
	 * L1's records go through a topic of their own. On Herald's records topic they had
	 * stayed behind for the notify started next, which read the half million of them
	 * before R6's first warm-up record: that round took 82 s instead of 24 s (run of
	 * 2026-12-01 01:39).
	 */
	private static final String TOPIC = "bench.readable";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BenchSystem system;

	private final BenchOptions options;

	public ReadableLatencyFigures(BenchSystem system, BenchOptions options) {
		this.system = system;
		this.options = options;
	}

	/**
	 * Measures L1: ingest and the catalog running, batches of 100 records posted at a
	 * steady rate; a sample of the records is polled on the catalog's API until it reads.
	 * First at half of R2's rate, as asked; then at a rate well within what the two
	 * services sustain together on this machine, which shows the latency of the path
	 * itself rather than of a queue.
	 * @param table where the figures go
	 * @param halfOfR2 half of R2's rate, in records per second
	 * @param rawStoreRate the rate at which the raw driver stored the catalog's documents
	 * in R5 (records/s, median), or 0 when R5 was not measured
	 */
	public void run(ResultTable table, double halfOfR2, double rawStoreRate) {
		new EventProducer(this.system.kafkaBootstrapServers()).createTopic(TOPIC, CatalogFigures.RECORDS_PARTITIONS);
		Map<String, Service> services = this.system
			.startServices(Map.of("ingest-service", List.of("--herald.ingest.topic=" + TOPIC), "catalog-service",
					List.of("--spring.mongodb.database=" + LIVE_DATABASE, "--herald.catalog.records-topic=" + TOPIC)));
		Service ingest = services.get("ingest-service");
		Service catalog = services.get("catalog-service");
		List<String> bodies = batches(new RecordFactory(7), 50);
		// Not counted: the services' code is compiled by the JIT under load first, in
		// rounds until both are quiet. After a single spell of 6 s, the path cost 375-650
		// ms of CPU per 1,000 records in the timed repetitions (ingest 142-292 ms, the
		// catalog 148-250 ms), against 75-90 ms for a warm ingest in R2 and 87-105 ms for
		// a warm catalog in R5: the compilers' CPU counted, and the compiled code not
		// there.
		Duration round = Duration.ofMillis(this.options.scaled(4_000));
		String warmedUp = JitWarmUp
			.untilQuiet(List.of(ingest, catalog), (n) -> posting(ingest, catalog, bodies, SUSTAINED, round))
			.describe("L1");
		// At half of R2 the catalog falls behind for as long as posting goes on: a short
		// spell shows it, and keeps the backlog (and the in-memory database) small.
		Figure halfOfR2Latency = latency(table, ingest, catalog, bodies, halfOfR2, "(half of R2)",
				this.options.scaled(5_000));
		if (rawStoreRate > 0 && rawStoreRate < halfOfR2) {
			halfOfR2Latency.note(String.format(Locale.ROOT,
					"L1 at half of R2 asks the catalog to store %,.0f records/s, more than the raw driver's bulkWrite "
							+ "of the same documents to the same server reached in R5 with nothing else running (%,.0f "
							+ "records/s, median): no consumer could keep up here, ingest and Kafka aside, and the "
							+ "latency measures the queue that grows in Kafka for as long as posting goes on",
					halfOfR2, rawStoreRate));
		}
		halfOfR2Latency.note(warmedUp);
		latency(table, ingest, catalog, bodies, SUSTAINED, "(well within what ingest and catalog sustain here)",
				this.options.scaled(6_000));
		this.system.stopService("catalog-service");
		try (MongoClient mongo = MongoClients.create(this.system.mongoUri())) {
			mongo.getDatabase(LIVE_DATABASE).drop();
		}
	}

	private Figure latency(ResultTable table, Service ingest, Service catalog, List<String> bodies,
			double recordsPerSecond, String why, long postingMillis) {
		Figure p50 = table.add(Figure.alone("L1 p50",
				String.format("POST → readable in the catalog API, at %,.0f records/s %s", recordsPerSecond, why),
				"ms"));
		Figure p99 = table.add(Figure.alone("L1 p99", "the same, 99th percentile", "ms"));
		for (int rep = 0; rep < this.options.repetitions(); rep++) {
			CpuTime before = this.system.cpu();
			Posted posted = posting(ingest, catalog, bodies, recordsPerSecond, Duration.ofMillis(postingMillis));
			Map<String, Double> cost = this.system.cpu().millisPerThousandSince(before, posted.records());
			posted.latencies().addTo(p50, p99, "sampled records", READABLE_WAIT);
			p99.note(demand(cost, recordsPerSecond, rep));
		}
		return p99;
	}

	/**
	 * What the path costs at a rate: the CPU of each process per 1,000 records, from the
	 * first post until the catalog had stored the last sampled record, and the cores that
	 * takes at the rate. Above the machine's cores, the catalog falls behind for as long
	 * as posting goes on, and the latency measures its queue.
	 */
	private static String demand(Map<String, Double> cost, double recordsPerSecond, int rep) {
		double path = cost.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals("bench"))
			.mapToDouble(Map.Entry::getValue)
			.sum();
		return String.format(Locale.ROOT,
				"L1 CPU per 1,000 records at %,.0f records/s (repetition %d): %s; ingest, Kafka, catalog and MongoDB "
						+ "together %.0f ms, so %.2f cores at this rate, on a machine of %d (the bench's load and "
						+ "polling besides)",
				recordsPerSecond, rep + 1, CpuTime.describe(cost), path, path * recordsPerSecond / 1e6,
				Runtime.getRuntime().availableProcessors());
	}

	private Posted posting(Service ingest, Service catalog, List<String> bodies, double recordsPerSecond,
			Duration duration) {
		double batchesPerSecond = recordsPerSecond / 100;
		int sampleEvery = Math.max(1, (int) Math.round(batchesPerSecond / 20));
		Latencies latencies = new Latencies();
		AtomicInteger accepted = new AtomicInteger();
		try (ReadableWatch watch = new ReadableWatch(catalog.url(), CatalogFigures.RECORDS_PARTITIONS, latencies)) {
			new PacedLoad().run(batchesPerSecond, duration,
					(n) -> Operator.post(ingest.url() + "/api/v1/records/batch", bodies.get(n % bodies.size())),
					(n, sentAt, response) -> {
						if (response != null && response.statusCode() == 200) {
							accepted.addAndGet(100);
						}
						String id = (n % sampleEvery == 0 && response != null && response.statusCode() == 200)
								? firstAcceptedId(response.body()) : null;
						if (id != null) {
							watch.watch(id, sentAt);
						}
					});
			watch.awaitAll(READABLE_WAIT);
		}
		return new Posted(latencies, accepted.get());
	}

	/**
	 * A spell of posting.
	 *
	 * @param latencies of the sampled records
	 * @param records the records posted (each batch answered 200, counted whole)
	 */
	private record Posted(Latencies latencies, int records) {
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
