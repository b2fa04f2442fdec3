package dev.herald.bench.figures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.herald.bench.BenchOptions;
import dev.herald.bench.load.EventProducer;
import dev.herald.bench.load.RecordFactory;
import dev.herald.bench.report.Figure;
import dev.herald.bench.report.ResultTable;
import dev.herald.bench.system.Service;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Q1: 50 clients searching the catalog's API at once while records stream in, beside the
 * raw driver running the same queries from 50 threads in the same conditions, admitted as
 * the catalog admits searches; and whether consumption keeps up meanwhile.
 * <p>
 * The queries are the API's filters that map one to one onto MongoDB (kind, symbol, a
 * date range, language, organization, topic), each a first page of 20 in the API's order,
 * so that both sides ask MongoDB the same; the words of {@code q} go through the
 * catalog's analysis, which the raw side would have to copy.
 */
public final class SearchLoadFigures {

	private static final int CLIENTS = 50;

	private static final int STORED = 20_000;

	/**
	 * Searches run at once, by the catalog
	 * ({@code herald.catalog.max-concurrent-searches}, its local profile's setting, given
	 * explicitly by {@link #catalogSettings()}) and by the raw clients alike.
	 */
	private static final int ADMITTED = 1;

	/** How long a search may wait for a place and run, on both sides. */
	private static final Duration TIME_LIMIT = Duration.ofSeconds(2);

	/** Records streaming in while the clients search. */
	private static final double STREAM_PER_SECOND = 500;

	private static final List<String[]> QUERIES = List.of(new String[] { "kind=MEETING", "kind", "MEETING" },
			new String[] { "symbol=A/75/512", "documentSymbols", "A/75/512" },
			new String[] { "from=2023-06-01&to=2023-06-30", "occurredOn", "2023-06" },
			new String[] { "lang=en", "languages", "en" }, new String[] { "organization=CSTO", "organization", "CSTO" },
			new String[] { "topic=peacekeeping", "topics", "peacekeeping" });

	private final BenchOptions options;

	public SearchLoadFigures(BenchOptions options) {
		this.options = options;
	}

	/**
	 * The catalog's settings for Q1: how searches are admitted, as the raw clients are.
	 * @return the settings, as command-line arguments
	 */
	public static List<String> catalogSettings() {
		return List.of("--herald.catalog.max-concurrent-searches=" + ADMITTED,
				"--herald.catalog.query-time-limit=" + TIME_LIMIT.toMillis() + "ms");
	}

	/**
	 * Measures Q1 on a running catalog whose collection is empty: it stores records
	 * first, then the clients search while more stream in.
	 * @param table where the figures go
	 * @param catalog the catalog
	 * @param producer writes to the catalog's topic
	 * @param topic the topic the catalog consumes
	 * @param records the catalog's collection, which the raw clients search
	 */
	public void run(ResultTable table, Service catalog, EventProducer producer, String topic,
			MongoCollection<Document> records) {
		Figure q1 = table.add(Figure.ratio("Q1",
				"searches/s of " + CLIENTS + " concurrent clients on the catalog's API while "
						+ Math.round(STREAM_PER_SECOND) + " records/s stream in",
				"searches/s", "raw driver `find` of the same queries from " + CLIENTS + " threads, " + ADMITTED
						+ " at once as in the catalog, same stream"));
		Figure p99 = table
			.add(Figure.alone("Q1 p99", "the API's search latency under that load, 99th percentile", "ms"));
		Figure lag = table
			.add(Figure.alone("Q1 lag", "records the catalog had not stored when the stream ended", "records"));
		Figure catchUp = table.add(Figure.alone("Q1 catch-up",
				"from the end of the stream until the catalog had stored all of it, the clients still searching",
				"ms"));
		Figure keeping = table.add(Figure.ratio("Q1 keeping up",
				"records/s the catalog stored over the stream's second half, the clients searching", "records/s",
				"records/s streamed over the same span"));
		RecordFactory factory = new RecordFactory(11);
		DoubleSupplier stored = () -> Metrics.count(catalog.url(), "herald.catalog.records.stored");
		int seeded = this.options.scaled(STORED);
		double before = stored.getAsDouble();
		producer.write(topic, seeded, factory, List.of("peacekeeping"), "Q1-stored");
		Drain.await(stored, before + seeded, Duration.ofMinutes(5));
		Duration phase = Duration.ofMillis(this.options.scaled(6_000));
		RecordStream stream = new RecordStream(producer, topic, factory, phase, stored);
		// Not counted: R5 compiled the catalog's storing, not its searching; the first
		// phase meets the JIT compiling the search path on the cores the consumer needs.
		stream.searching("Q1-warm-up", true, (searching) -> search(catalog.url(), searching));
		for (int rep = 0; rep < this.options.repetitions(); rep++) {
			Load api = stream.searching("Q1-api-r" + rep, true, (searching) -> search(catalog.url(), searching));
			Load raw = stream.searching("Q1-raw-r" + rep, false, (searching) -> search(records, searching));
			q1.add(api.perSecond(), raw.perSecond());
			lag.add(api.lag());
			catchUp.add(api.catchUpMillis());
			keeping.add(api.storedPerSecond(), api.streamedPerSecond());
			p99.add(api.percentile(0.99));
			q1.note(String.format(Locale.ROOT,
					"Q1 (repetition %d): API p50 %.1f ms, p99 %.1f ms; raw p50 %.1f ms, p99 %.1f ms; failed "
							+ "searches %d; with the raw clients searching, %.0f records not stored when the "
							+ "stream ended",
					rep + 1, api.percentile(0.5), api.percentile(0.99), raw.percentile(0.5), raw.percentile(0.99),
					api.failed(), raw.lag()));
		}
	}

	/**
	 * A stream of records to the catalog's topic, written while clients search.
	 */
	private record RecordStream(EventProducer producer, String topic, RecordFactory factory, Duration phase,
			DoubleSupplier stored) {

		/**
		 * Runs the searches while a stream of records is written, and notes how far the
		 * catalog's consumption was behind when it ended. With {@code untilStored}, the
		 * clients go on searching until the catalog has stored the stream, and the time
		 * that took is noted: together they say whether consumption keeps up. Otherwise
		 * they stop with the stream, and the catalog catches up before the next phase.
		 */
		Load searching(String marker, boolean untilStored, Function<BooleanSupplier, Load> searches) {
			int count = (int) (STREAM_PER_SECOND * this.phase.toMillis() / 1000);
			EventProducer.Backlog stream = this.producer.prepare(this.topic, count, this.factory,
					List.of("peacekeeping"), marker);
			double target = this.stored.getAsDouble() + count;
			AtomicBoolean searching = new AtomicBoolean(true);
			double[] behind = new double[2];
			double[] rates = new double[2];
			AtomicReference<RuntimeException> failure = new AtomicReference<>();
			double[] half = new double[2];
			Thread writer = new Thread(() -> {
				try {
					this.producer.write(stream, Duration.ofNanos((long) (1_000_000_000 / STREAM_PER_SECOND)),
							(sent) -> {
								if (sent == count / 2) {
									half[0] = this.stored.getAsDouble();
									half[1] = System.nanoTime();
								}
							});
					long ended = System.nanoTime();
					double storedAtEnd = this.stored.getAsDouble();
					double seconds = (ended - half[1]) / 1e9;
					rates[0] = (storedAtEnd - half[0]) / seconds;
					rates[1] = (count - count / 2) / seconds;
					behind[0] = Math.max(0, target - storedAtEnd);
					searching.set(untilStored);
					Drain.await(this.stored, target, Duration.ofMinutes(5), Duration.ofMillis(20));
					behind[1] = (System.nanoTime() - ended) / 1e6;
				}
				catch (RuntimeException ex) {
					failure.set(ex);
				}
				finally {
					searching.set(false);
				}
			}, marker);
			writer.start();
			Load load = searches.apply(searching::get);
			join(writer);
			if (failure.get() != null) {
				throw failure.get();
			}
			return load.behind(behind[0], behind[1]).keeping(rates[0], rates[1]);
		}

	}

	private Load search(String catalogUrl, BooleanSupplier searching) {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			return search(catalogUrl, searching,
					HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build());
		}
		finally {
			// Its threads would keep the bench's JVM running after the table is written.
			executor.shutdownNow();
		}
	}

	private Load search(String catalogUrl, BooleanSupplier searching, HttpClient http) {
		return clients(searching, (n) -> {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(catalogUrl + "/api/v1/records?size=20&" + QUERIES.get(n % QUERIES.size())[0]))
				.timeout(Duration.ofSeconds(30))
				.build();
			HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
			return answer.statusCode() == 200;
		});
	}

	/**
	 * The raw clients' searches, admitted as the catalog admits its readers' (at most
	 * {@value #ADMITTED} at once, a search waiting up to the query time limit for a place
	 * and failing after it): both sides ask MongoDB as much at once, and the raw clients
	 * still searching when the stream ends finish within a search's time. Until
	 * 2026-11-30 all 50 raw threads searched at once: each search took 11-30 s, and the
	 * bench waited about 20 s per repetition for the last ones.
	 */
	private Load search(MongoCollection<Document> records, BooleanSupplier searching) {
		Bson order = Sorts.orderBy(Sorts.descending("occurredOn"), Sorts.descending("_id"));
		Semaphore places = new Semaphore(ADMITTED, true);
		return clients(searching, (n) -> {
			if (!places.tryAcquire(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
				return false;
			}
			try {
				String[] query = QUERIES.get(n % QUERIES.size());
				List<Document> page = records.find(filter(query))
					.sort(order)
					.limit(21)
					.projection(Projections.exclude("terms"))
					.maxTime(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
					.into(new ArrayList<>());
				return page.size() >= 0;
			}
			finally {
				places.release();
			}
		});
	}

	private static Bson filter(String[] query) {
		return switch (query[1]) {
			case "occurredOn" ->
				Filters.and(Filters.gte("occurredOn", query[2] + "-01"), Filters.lte("occurredOn", query[2] + "-30"));
			case "documentSymbols", "topics" -> Filters.in(query[1], query[2]);
			default -> Filters.eq(query[1], query[2]);
		};
	}

	/**
	 * Runs {@value #CLIENTS} clients, each searching in a loop while told to.
	 */
	private static Load clients(BooleanSupplier searching, Search search) {
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		CountDownLatch done = new CountDownLatch(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			clients.execute(() -> {
				try {
					while (searching.getAsBoolean()) {
						long started = System.nanoTime();
						boolean ok;
						try {
							ok = search.run(next.getAndIncrement());
						}
						catch (Exception ex) {
							ok = false;
						}
						if (ok) {
							latencies.add((System.nanoTime() - started) / 1e6);
						}
						else {
							failed.incrementAndGet();
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		clients.shutdown();
		return new Load(new ArrayList<>(latencies), failed.get(), (System.nanoTime() - start) / 1e9);
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@FunctionalInterface
	private interface Search {

		boolean run(int n) throws Exception;

	}

	/**
	 * What the clients did in a phase, and how far the catalog's consumption was behind
	 * the stream meanwhile.
	 *
	 * @param latencies of each search that succeeded, in milliseconds
	 * @param failed searches that failed
	 * @param seconds how long the clients searched
	 * @param lag records not stored when the stream ended
	 * @param catchUpMillis from then until all were stored
	 * @param storedPerSecond records the catalog stored per second over the stream's
	 * second half
	 * @param streamedPerSecond records streamed per second over the same span
	 */
	private record Load(List<Double> latencies, int failed, double seconds, double lag, double catchUpMillis,
			double storedPerSecond, double streamedPerSecond) {

		Load(List<Double> latencies, int failed, double seconds) {
			this(latencies, failed, seconds, 0, 0, 0, 0);
		}

		double perSecond() {
			return this.latencies.size() / this.seconds;
		}

		Load behind(double lag, double catchUpMillis) {
			return new Load(this.latencies, this.failed, this.seconds, lag, catchUpMillis, this.storedPerSecond,
					this.streamedPerSecond);
		}

		Load keeping(double storedPerSecond, double streamedPerSecond) {
			return new Load(this.latencies, this.failed, this.seconds, this.lag, this.catchUpMillis, storedPerSecond,
					streamedPerSecond);
		}

		double percentile(double p) {
			if (this.latencies.isEmpty()) {
				return Double.NaN;
			}
			List<Double> sorted = new ArrayList<>(this.latencies);
			Collections.sort(sorted);
			return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
		}

	}

}
