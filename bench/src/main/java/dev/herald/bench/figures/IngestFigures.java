package dev.herald.bench.figures;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.herald.bench.BenchOptions;
import dev.herald.bench.baseline.ProducerPerformanceRun;
import dev.herald.bench.baseline.TrivialEndpoint;
import dev.herald.bench.load.EventProducer;
import dev.herald.bench.load.HttpLoad;
import dev.herald.bench.load.RecordFactory;
import dev.herald.bench.report.Figure;
import dev.herald.bench.report.ResultTable;
import dev.herald.bench.report.Stats;
import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.CpuTime;
import dev.herald.bench.system.Service;

/**
 * R1 and R2: ingest alone, posting to a topic of its own, over 8 connections; beside a
 * trivial Spring MVC endpoint and Kafka's producer benchmark.
 */
public final class IngestFigures {

	static final String TOPIC = "bench.ingest";

	private static final int CONNECTIONS = 8;

	/** Connections of the first part of R2's warm-up. */
	private static final int WARM_UP_CONNECTIONS = 2;

	private static final int LIGHT_WARM_UP_ROUNDS = 12;

	/**
	 * Rounds over 8 connections after the light ones. Six did not make the compilers
	 * quiet either (still a tenth to a fifth of ingest's CPU); the timed repetitions cost
	 * no less after 15 light rounds alone (39-50 ms per 1,000 records, trial of 03:11).
	 */
	private static final int FULL_WARM_UP_ROUNDS = 3;

	private static final int BATCH = 100;

	private static final int PRODUCER_PERFORMANCE_RECORDS = 400_000;

	private final BenchSystem system;

	private final BenchOptions options;

	private final Duration duration;

	/** The mean size of Herald's events on the topic, read once. */
	private int recordSize;

	public IngestFigures(BenchSystem system, BenchOptions options) {
		this.system = system;
		this.options = options;
		this.duration = Duration.ofMillis(options.scaled(5_000));
	}

	/**
	 * Measures R1 and R2.
	 * @param table where the figures go
	 * @return Herald's median batch rate (records/s), or 0 when R2 was not measured
	 */
	public double run(ResultTable table) {
		Figure r1 = table.add(Figure.ratio("R1", "single-record `POST /api/v1/records`, 8 connections", "req/s",
				"trivial Spring MVC endpoint"));
		Figure r2 = table.add(Figure.ratio("R2", "batch ingest, 100 records per request, 8 connections", "records/s",
				"Kafka `ProducerPerformance`, acks=all"));
		Service ingest = this.system.startService("ingest-service", "--herald.ingest.topic=" + TOPIC);
		RecordFactory factory = new RecordFactory(1);
		List<String> singles = bodies(factory, 2000, 1);
		List<String> batches = bodies(factory, 100, BATCH);
		try (TrivialEndpoint trivial = TrivialEndpoint.start(this.options.root(),
				this.system.directory().resolve("trivial-endpoint.log"))) {
			Load herald = new Load(ingest.port(), singles, batches);
			Load baseline = new Load(trivial.port(), singles, batches);
			Duration warmUp = Duration.ofMillis(this.options.scaled(6_000));
			baseline.singles(warmUp);
			herald.singles(warmUp);
			// Until ingest's JIT is quiet: after a fixed 6 s of batches, ingest's CPU per
			// record still fell by half over the three timed repetitions that followed.
			// Under 8 connections its compiler threads get a quarter of its CPU and were
			// still compiling after 6 rounds (a third of its CPU in the timed
			// repetitions), so the warm-up first posts over 2 connections, leaving the
			// compilers the cores to catch up, then over 8 until quiet.
			Duration round = Duration.ofMillis(this.options.scaled(4_000));
			Load light = new Load(ingest.port(), singles, batches, WARM_UP_CONNECTIONS);
			r2.note(JitWarmUp.untilQuiet(ingest, LIGHT_WARM_UP_ROUNDS, (n) -> light.batches(round))
				.describe("R2 (" + WARM_UP_CONNECTIONS + " connections)"));
			r2.note(JitWarmUp.untilQuiet(ingest, FULL_WARM_UP_ROUNDS, (n) -> herald.batches(round)).describe("R2"));
			for (int rep = 0; rep < this.options.repetitions(); rep++) {
				if (this.options.measures("R1")) {
					double trivialRate = baseline.singles(this.duration);
					r1.add(herald.singles(this.duration), trivialRate);
				}
				if (this.options.measures("R2") || this.options.measures("L1")) {
					CpuTime before = this.system.cpu();
					double heraldRate = herald.batches(this.duration);
					Map<String, Double> heraldCpu = this.system.cpu()
						.millisPerThousandSince(before, heraldRate * this.duration.toMillis() / 1000.0);
					before = this.system.cpu();
					double baselineRate = producerPerformance(rep);
					Map<String, Double> baselineCpu = this.system.cpu()
						.millisPerThousandSince(before, this.options.scaled(PRODUCER_PERFORMANCE_RECORDS));
					r2.add(heraldRate, baselineRate);
					r2.note("R2 CPU per 1,000 records (repetition " + (rep + 1) + "): Herald "
							+ CpuTime.describe(heraldCpu) + "; baseline " + CpuTime.describe(baselineCpu)
							+ " (besides ProducerPerformance's own JVM)");
				}
			}
		}
		this.system.stopService("ingest-service");
		return r2.isEmpty() ? 0 : Stats.median(r2.herald());
	}

	private double producerPerformance(int rep) {
		String topic = "bench.producer-performance-" + rep;
		new EventProducer(this.system.kafkaBootstrapServers()).createTopic(topic, 6);
		if (this.recordSize == 0) {
			this.recordSize = EventSizes.meanValueSize(this.system.kafkaBootstrapServers(), TOPIC, 2000);
		}
		Path log = this.system.directory().resolve("producer-performance-" + rep + ".log");
		return ProducerPerformanceRun.run(this.system.kafkaBootstrapServers(), topic,
				this.options.scaled(PRODUCER_PERFORMANCE_RECORDS), this.recordSize, log);
	}

	/**
	 * Single posts and batches to one server over 8 connections.
	 */
	private static final class Load {

		private final HttpLoad load;

		private final List<byte[]> singles;

		private final List<byte[]> batches;

		Load(int port, List<String> singles, List<String> batches) {
			this(port, singles, batches, CONNECTIONS);
		}

		Load(int port, List<String> singles, List<String> batches, int connections) {
			this.load = new HttpLoad("localhost", port, connections);
			this.singles = singles.stream().map((body) -> Operator.raw(port, "/api/v1/records", body)).toList();
			this.batches = batches.stream().map((body) -> Operator.raw(port, "/api/v1/records/batch", body)).toList();
		}

		double singles(Duration duration) {
			return this.load.run(duration, (n) -> this.singles.get(n % this.singles.size()), Operator::single)
				.perSecond();
		}

		double batches(Duration duration) {
			return this.load.run(duration, (n) -> this.batches.get(n % this.batches.size()), Operator::batch)
				.perSecond();
		}

	}

	private static List<String> bodies(RecordFactory factory, int count, int recordsEach) {
		List<String> bodies = new ArrayList<>(count);
		int number = 0;
		for (int i = 0; i < count; i++) {
			List<Object> records = new ArrayList<>(recordsEach);
			for (int j = 0; j < recordsEach; j++) {
				records.add(factory.request(factory.title("#" + (number++)), List.of()));
			}
			bodies.add(RecordFactory.json((recordsEach == 1) ? records.get(0) : records));
		}
		return bodies;
	}

}
