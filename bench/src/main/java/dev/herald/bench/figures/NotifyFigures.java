package dev.herald.bench.figures;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.bench.BenchOptions;
import dev.herald.bench.baseline.RawSmtpLoop;
import dev.herald.bench.load.EventProducer;
import dev.herald.bench.load.PacedLoad;
import dev.herald.bench.load.RecordFactory;
import dev.herald.bench.report.Figure;
import dev.herald.bench.report.Rate;
import dev.herald.bench.report.ResultTable;
import dev.herald.bench.report.Stats;
import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.CpuTime;
import dev.herald.bench.system.Service;
import dev.herald.localstack.mail.Inbox;
import dev.herald.localstack.mail.ReceivedEmail;

/**
 * R6, N1 and L2 (and N2 when named): notify's emails per second for a fan-out and for a
 * backlog, beside a raw pooled SMTP loop to the same server; and how long a posted record
 * takes to reach its subscriber's SMTP server. Notify runs throughout, warmed up first;
 * emails are counted as the SMTP server accepts them.
 */
public final class NotifyFigures {

	/** Notify's sender threads, and the raw loop's connections. */
	static final int SENDERS = 4;

	/** Notify's heap for M1. */
	private static final String SEARCH_HEAP = "1g";

	private static final String RECORDS_TOPIC = "herald.records.v1";

	private static final String DATABASE = "bench_notify";

	private static final String SEARCH_DATABASE = "bench_notify_m1";

	private final BenchSystem system;

	private final BenchOptions options;

	private final Inbox inbox;

	private final RecordFactory factory = new RecordFactory(11);

	private final EventProducer producer;

	private Service ingest;

	public NotifyFigures(BenchSystem system, BenchOptions options) {
		this.system = system;
		this.options = options;
		this.inbox = system.smtp().inbox();
		this.producer = new EventProducer(system.kafkaBootstrapServers());
	}

	/**
	 * Measures R6, N1, L2 and M1.
	 * @param table where the figures go
	 */
	public void run(ResultTable table) {
		Figure r6 = table.add(Figure.ratio("R6", "notify: one record matching 5,000 confirmed subscribers", "emails/s",
				"raw pooled Jakarta Mail loop (" + SENDERS + " connections)"));
		Figure n1 = table
			.add(Figure.ratio("N1", "notify: draining a backlog of 10,000 records, each matching one subscriber",
					"emails/s", "the same raw SMTP loop"));
		int fanOut = this.options.scaled(5_000);
		try (MongoClient mongo = MongoClients.create(this.system.mongoUri())) {
			BenchSubscribers subscribers = new BenchSubscribers(mongo.getDatabase(DATABASE));
			subscribers.seed(fanOut, BenchSubscribers.FAN_OUT_TOPIC, "fan");
			subscribers.seed(1, BenchSubscribers.SINGLE_TOPIC, "single");
		}
		// N1 sends every record to one subscriber: without a burst limit, or all but ten
		// would roll up into one email at the end of the hour, which is what the limit is
		// for but not what N1 measures.
		Map<String, Service> services = this.system.startServices(
				Map.of("ingest-service", List.of(), "notify-service", List.of("--spring.mongodb.database=" + DATABASE,
						"--herald.notify.delivery.concurrency=" + SENDERS, "--herald.notify.delivery.burst-limit=0")));
		this.ingest = services.get("ingest-service");
		Service notify = services.get("notify-service");
		int backlog = this.options.scaled(10_000);
		// Each figure's repetitions follow one another, right after its warm-up: with
		// R6's and N1's alternating, each switch of load met code the JIT had not
		// compiled for it (notify's CPU per email in N1's first repetitions was 2.1-2.7
		// ms, against 1.1-1.4 ms with N1's repetitions following N1's warm-up).
		if (this.options.measures("R6")) {
			r6.note(JitWarmUp.untilQuiet(notify, (round) -> {
				String marker = "R6-warm-up-" + round;
				this.inbox.clear();
				post(marker, BenchSubscribers.FAN_OUT_TOPIC);
				Drain.await(emails(marker), fanOut, Duration.ofMinutes(10));
			}).describe("R6"));
		}
		for (int rep = 0; rep < this.options.repetitions() && this.options.measures("R6"); rep++) {
			fanOut(r6, rep, fanOut);
		}
		if (this.options.measures("N1") || this.options.measures("L2")) {
			n1.note(JitWarmUp.untilQuiet(notify, (round) -> {
				String marker = "N1-warm-up-" + round;
				this.inbox.clear();
				this.producer.write(RECORDS_TOPIC, backlog / 2, this.factory, List.of(BenchSubscribers.SINGLE_TOPIC),
						marker);
				Drain.await(emails(marker), backlog / 2, Duration.ofMinutes(10));
			}).describe("N1"));
		}
		for (int rep = 0; rep < this.options.repetitions() && this.options.measures("N1"); rep++) {
			backlog(n1, rep, backlog);
		}
		if (this.options.measures("L2") && !n1.isEmpty()) {
			latency(table, Stats.median(n1.herald()) / 2);
		}
		if (this.options.measuresOnRequest("N2")) {
			Figure n2 = table.add(Figure.ratio("N2",
					"notify: draining an outbox of " + String.format("%,d", backlog)
							+ " due emails that nothing hinted, after a restart (each record matching one subscriber)",
					"emails/s", "the same raw SMTP loop"));
			RestartBacklogFigure restart = new RestartBacklogFigure(this.system, this.producer, this.factory,
					"--spring.mongodb.database=" + DATABASE, "--herald.notify.delivery.concurrency=" + SENDERS,
					"--herald.notify.delivery.burst-limit=0");
			for (int rep = 0; rep < this.options.repetitions(); rep++) {
				restart.measure(n2, rep, backlog, (marker, count) -> rawLoop(marker, count).perSecond());
			}
		}
		this.system.stopService("notify-service");
		// M1 posts straight to Kafka: nothing else runs beside its notify.
		this.system.stopService("ingest-service");
		if (this.options.measures("M1")) {
			searches(table);
		}
	}

	/**
	 * M1, on a notify of its own: 100,000 saved searches need a larger heap than the
	 * other figures give the services.
	 */
	private void searches(ResultTable table) {
		int searches = this.options.scaled(100_000);
		Figure m1 = table.add(Figure.alone("M1", "notify: matching one record against "
				+ String.format(java.util.Locale.ROOT, "%,d", searches) + " saved searches, 99th percentile", "ms"));
		Figure heap = table.add(Figure.alone("M1 heap",
				"notify: used heap with those saved searches loaded (-Xmx" + SEARCH_HEAP + ")", "MiB"));
		try (MongoClient mongo = MongoClients.create(this.system.mongoUri())) {
			// A clean slate: the emails of the figures before are not M1's.
			mongo.getDatabase(DATABASE).drop();
			SearchFigures figures = new SearchFigures(mongo.getDatabase(SEARCH_DATABASE), this.producer);
			figures.seed(searches);
			List<String> settings = new ArrayList<>(SearchFigures.histogramSettings());
			settings.add("--spring.mongodb.database=" + SEARCH_DATABASE);
			Service notify = this.system.startService("notify-service", List.of("-Xmx" + SEARCH_HEAP),
					settings.toArray(String[]::new));
			figures.run(notify.url(), notify.process().pid(), m1, heap, searches, this.options.repetitions());
			this.system.stopService("notify-service");
			mongo.getDatabase(SEARCH_DATABASE).drop();
		}
	}

	private void fanOut(Figure r6, int rep, int subscribers) {
		this.inbox.clear();
		String marker = "R6-r" + rep;
		post(marker, BenchSubscribers.FAN_OUT_TOPIC);
		Rate herald = Drain.measure(emails(marker), 0, subscribers, Duration.ofMinutes(10), this.system::cpu);
		Rate baseline = rawLoop(marker, subscribers);
		r6.add(herald.perSecond(), baseline.perSecond());
		r6.note("R6 CPU per 1,000 emails (repetition " + (rep + 1) + "): Herald "
				+ CpuTime.describe(herald.cpuPerThousand()) + "; baseline "
				+ CpuTime.describe(baseline.cpuPerThousand()));
	}

	private void backlog(Figure n1, int rep, int records) {
		this.inbox.clear();
		String marker = "N1-r" + rep;
		EventProducer.Backlog backlog = this.producer.prepare(RECORDS_TOPIC, records, this.factory,
				List.of(BenchSubscribers.SINGLE_TOPIC), marker);
		this.producer.write(backlog);
		Rate herald = Drain.measure(emails(marker), 0, records, Duration.ofMinutes(15), this.system::cpu);
		Rate baseline = rawLoop(marker, records);
		n1.add(herald.perSecond(), baseline.perSecond());
		n1.note("N1 CPU per 1,000 emails (repetition " + (rep + 1) + "): Herald "
				+ CpuTime.describe(herald.cpuPerThousand()) + "; baseline "
				+ CpuTime.describe(baseline.cpuPerThousand()));
	}

	private void latency(ResultTable table, double perSecond) {
		Figure p50 = table.add(Figure.alone("L2 p50",
				String.format("POST → email accepted by SMTP, at %,.0f records/s (half of N1)", perSecond), "ms"));
		Figure p99 = table.add(Figure.alone("L2 p99", "the same, 99th percentile", "ms"));
		posting("L2-warm-up-", perSecond, Duration.ofMillis(this.options.scaled(5_000)));
		for (int rep = 0; rep < this.options.repetitions(); rep++) {
			posting("L2-r" + rep + "-", perSecond, Duration.ofMillis(this.options.scaled(6_000))).addTo(p50, p99,
					"alerts", Duration.ofMinutes(2));
		}
	}

	private Latencies posting(String marker, double perSecond, Duration duration) {
		this.inbox.clear();
		Map<String, Instant> sent = new ConcurrentHashMap<>();
		new PacedLoad().run(perSecond, duration,
				(n) -> Operator.post(this.ingest.url() + "/api/v1/records", RecordFactory.json(this.factory
					.request(marker + n + " " + this.factory.title(""), List.of(BenchSubscribers.SINGLE_TOPIC)))),
				(n, sentAt, response) -> {
					if (response != null && response.statusCode() == 202) {
						sent.put(marker + n + " ", sentAt);
					}
				});
		Latencies latencies = new Latencies();
		Drain.await(emails(marker), sent.size(), Duration.ofMinutes(2));
		for (ReceivedEmail email : this.inbox.emails()) {
			int start = email.subject().indexOf(marker);
			if (start >= 0) {
				Instant sentAt = sent.get(email.subject().substring(start, email.subject().indexOf(' ', start) + 1));
				if (sentAt != null) {
					latencies.add(sentAt, email.receivedAt());
				}
			}
		}
		latencies.lost(sent.size() - latencies.size());
		return latencies;
	}

	private void post(String marker, String topic) {
		String body = RecordFactory.json(this.factory.request(marker + " " + this.factory.title(""), List.of(topic)));
		try {
			int status = HttpClient.newHttpClient()
				.send(Operator.post(this.ingest.url() + "/api/v1/records", body),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
			if (status != 202) {
				throw new IllegalStateException("Ingest answered " + status);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private DoubleSupplier emails(String marker) {
		return () -> this.inbox.emails().stream().filter((email) -> email.subject().contains(marker)).count();
	}

	private Rate rawLoop(String marker, int count) {
		ReceivedEmail template = this.inbox.emails()
			.stream()
			.filter((email) -> email.subject().contains(marker))
			.findFirst()
			.orElseThrow();
		List<String> recipients = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			recipients.add("raw-" + i + "@bench.example");
		}
		Rate rate = RawSmtpLoop.send(this.system.smtp().host(), this.system.smtp().port(), SENDERS, template.raw(),
				recipients, this.system::cpu);
		this.inbox.clear();
		return rate;
	}

}
