package dev.herald.bench.figures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.herald.bench.BenchOptions;
import dev.herald.bench.baseline.RawBulkWrite;
import dev.herald.bench.load.EventProducer;
import dev.herald.bench.load.PacedLoad;
import dev.herald.bench.load.RecordFactory;
import dev.herald.bench.report.Figure;
import dev.herald.bench.report.ResultTable;
import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * R5: the catalog draining a backlog, beside the raw driver writing the same documents;
 * L1: how long a posted record takes to become readable in the catalog's API.
 */
public final class CatalogFigures {

	private static final String BACKLOG = "bench.backlog";

	private static final int POLL_SIZE = 500;

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
		int count = this.options.scaled(100_000);
		EventProducer producer = new EventProducer(this.system.kafkaBootstrapServers());
		producer.createTopic(BACKLOG, 6);
		producer.write(BACKLOG, count, new RecordFactory(5), List.of(), "R5");
		try (MongoClient mongo = MongoClients.create(this.system.mongoUri())) {
			for (int rep = 0; rep < this.options.repetitions(); rep++) {
				String database = "bench_catalog_r" + rep;
				Service catalog = this.system.startService("catalog-service",
						"--herald.catalog.records-topic=" + BACKLOG,
						"--spring.kafka.consumer.group-id=bench-catalog-r" + rep,
						"--spring.mongodb.database=" + database);
				double herald = Drain.rate(() -> Prometheus.sum(catalog.url(), "herald_catalog_records_stored_total"),
						count, Duration.ofMinutes(10));
				this.system.stopService("catalog-service");
				MongoDatabase stored = mongo.getDatabase(database);
				long documents = stored.getCollection("records").countDocuments();
				if (documents != count) {
					throw new IllegalStateException("The catalog stored " + documents + " of " + count + " records");
				}
				MongoDatabase raw = mongo.getDatabase("bench_raw_r" + rep);
				double baseline = RawBulkWrite.copy(mongo, stored.getCollection("records"),
						raw.getCollection("records"), POLL_SIZE);
				r5.add(herald, baseline);
				stored.drop();
				raw.drop();
			}
		}
	}

	/**
	 * Measures L1: ingest and the catalog running, batches of 100 records posted at the
	 * given rate; a sample of the records is polled on the catalog's API until it reads.
	 * @param table where the figures go
	 * @param recordsPerSecond the rate of records posted
	 */
	public void latency(ResultTable table, double recordsPerSecond) {
		Figure p50 = table.add(Figure.alone("L1 p50",
				String.format("POST → readable in the catalog API, at %,.0f records/s (half of R2)", recordsPerSecond),
				"ms"));
		Figure p99 = table.add(Figure.alone("L1 p99", "the same, 99th percentile", "ms"));
		Service ingest = this.system.startService("ingest-service");
		Service catalog = this.system.startService("catalog-service", "--spring.mongodb.database=bench_catalog_live");
		RecordFactory factory = new RecordFactory(7);
		double batchesPerSecond = recordsPerSecond / 100;
		int sampleEvery = Math.max(1, (int) Math.round(batchesPerSecond / 20));
		for (int rep = 0; rep < this.options.repetitions(); rep++) {
			Latencies latencies = new Latencies();
			List<String> bodies = batches(factory, 50);
			try (ReadableWatch watch = new ReadableWatch(catalog.url(), latencies)) {
				new PacedLoad().run(batchesPerSecond, Duration.ofMillis(this.options.scaled(20_000)),
						(n) -> Operator.post(ingest.url() + "/api/v1/records/batch", bodies.get(n % bodies.size())),
						(n, sentAt, response) -> {
							if (n % sampleEvery == 0 && response != null && response.statusCode() == 200) {
								watch.watch(firstId(response.body()), sentAt);
							}
						});
				watch.awaitAll(Duration.ofSeconds(120));
			}
			latencies.addTo(p50, p99, "sampled records");
		}
		this.system.stopService("catalog-service");
	}

	private static String firstId(String batchAnswer) {
		return JSON.readTree(batchAnswer).path("items").path(0).path("id").asString();
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
	 * Polls the catalog for watched records until each reads, and records how long after
	 * its post it first did.
	 */
	private static final class ReadableWatch implements AutoCloseable {

		private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		private final Map<String, Instant> pending = new ConcurrentHashMap<>();

		private final String catalogUrl;

		private final Latencies latencies;

		private final Thread poller;

		private volatile boolean running = true;

		ReadableWatch(String catalogUrl, Latencies latencies) {
			this.catalogUrl = catalogUrl;
			this.latencies = latencies;
			this.poller = new Thread(this::poll, "readable-watch");
			this.poller.start();
		}

		void watch(String id, Instant sentAt) {
			this.pending.put(id, sentAt);
		}

		void awaitAll(Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!this.pending.isEmpty() && System.nanoTime() < deadline) {
				pause(20);
			}
			this.latencies.lost(this.pending.size());
		}

		private void poll() {
			while (this.running) {
				for (Map.Entry<String, Instant> entry : List.copyOf(this.pending.entrySet())) {
					if (readable(entry.getKey())) {
						this.latencies.add(entry.getValue(), Instant.now());
						this.pending.remove(entry.getKey());
					}
				}
				pause(5);
			}
		}

		private boolean readable(String id) {
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create(this.catalogUrl + "/api/v1/records/" + id))
					.timeout(Duration.ofSeconds(10))
					.build();
				return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (Exception ex) {
				return false;
			}
		}

		@Override
		public void close() {
			this.running = false;
			try {
				this.poller.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private static void pause(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
