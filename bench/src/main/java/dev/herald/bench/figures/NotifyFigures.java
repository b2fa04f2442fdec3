package dev.herald.bench.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.bench.BenchOptions;
import dev.herald.bench.baseline.RawSmtpLoop;
import dev.herald.bench.load.EventProducer;
import dev.herald.bench.load.PacedLoad;
import dev.herald.bench.load.RecordFactory;
import dev.herald.bench.report.Figure;
import dev.herald.bench.report.ResultTable;
import dev.herald.bench.report.Stats;
import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.Service;
import dev.herald.localstack.mail.Inbox;
import dev.herald.localstack.mail.ReceivedEmail;

/**
 * R6, N1 and L2: notify's emails per second for a fan-out and for a backlog, beside a raw
 * pooled SMTP loop to the same server; and how long a posted record takes to reach its
 * subscriber's SMTP server. The rates come from the moments the SMTP server accepted each
 * email.
 */
public final class NotifyFigures {

	/** Notify's sender threads, and the raw loop's connections. */
	static final int SENDERS = 4;

	private static final String RECORDS_TOPIC = "herald.records.v1";

	private static final String DATABASE = "bench_notify";

	private final BenchSystem system;

	private final BenchOptions options;

	private final Inbox inbox;

	private final RecordFactory factory = new RecordFactory(11);

	private Service ingest;

	public NotifyFigures(BenchSystem system, BenchOptions options) {
		this.system = system;
		this.options = options;
		this.inbox = system.smtp().inbox();
	}

	/**
	 * Measures R6, N1 and L2.
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
		this.ingest = this.system.startService("ingest-service");
		startNotify();
		for (int rep = 0; rep < this.options.repetitions(); rep++) {
			if (this.options.measures("R6")) {
				fanOut(r6, rep, fanOut);
			}
			if (this.options.measures("N1")) {
				backlog(n1, rep, this.options.scaled(10_000));
			}
		}
		if (this.options.measures("L2") && !n1.isEmpty()) {
			latency(table, Stats.median(n1.herald()) / 2);
		}
		this.system.stopService("notify-service");
		this.system.stopService("ingest-service");
	}

	private void fanOut(Figure r6, int rep, int subscribers) {
		this.inbox.clear();
		String marker = "R6-r" + rep;
		post(marker, BenchSubscribers.FAN_OUT_TOPIC);
		List<ReceivedEmail> emails = awaitEmails(marker, subscribers, Duration.ofMinutes(10));
		double herald = rate(emails);
		r6.add(herald, rawLoop(emails.get(0), subscribers));
	}

	private void backlog(Figure n1, int rep, int records) {
		this.system.stopService("notify-service");
		String marker = "N1-r" + rep;
		new EventProducer(this.system.kafkaBootstrapServers()).write(RECORDS_TOPIC, records, this.factory,
				List.of(BenchSubscribers.SINGLE_TOPIC), marker);
		this.inbox.clear();
		startNotify();
		List<ReceivedEmail> emails = awaitEmails(marker, records, Duration.ofMinutes(15));
		n1.add(rate(emails), rawLoop(emails.get(0), records));
	}

	private void latency(ResultTable table, double perSecond) {
		Figure p50 = table.add(Figure.alone("L2 p50",
				String.format("POST → email accepted by SMTP, at %,.0f records/s (half of N1)", perSecond), "ms"));
		Figure p99 = table.add(Figure.alone("L2 p99", "the same, 99th percentile", "ms"));
		for (int rep = 0; rep < this.options.repetitions(); rep++) {
			this.inbox.clear();
			String marker = "L2-r" + rep + "-";
			Map<String, Instant> sent = new ConcurrentHashMap<>();
			List<String> bodies = new ArrayList<>();
			new PacedLoad().run(perSecond, Duration.ofMillis(this.options.scaled(15_000)), (n) -> {
				String body = RecordFactory.json(this.factory.request(marker + n + " " + this.factory.title(""),
						List.of(BenchSubscribers.SINGLE_TOPIC)));
				return Operator.post(this.ingest.url() + "/api/v1/records", body);
			}, (n, sentAt, response) -> {
				if (response != null && response.statusCode() == 202) {
					sent.put(marker + n + " ", sentAt);
				}
			});
			Latencies latencies = new Latencies();
			List<ReceivedEmail> emails = awaitEmails(marker, sent.size(), Duration.ofMinutes(2));
			for (ReceivedEmail email : emails) {
				sent.entrySet()
					.stream()
					.filter((entry) -> email.subject().contains(entry.getKey()))
					.findFirst()
					.ifPresent((entry) -> latencies.add(entry.getValue(), email.receivedAt()));
			}
			latencies.lost(sent.size() - latencies.size());
			latencies.addTo(p50, p99, "alerts");
		}
	}

	private void post(String marker, String topic) {
		String body = RecordFactory.json(this.factory.request(marker + " " + this.factory.title(""), List.of(topic)));
		try {
			int status = java.net.http.HttpClient.newHttpClient()
				.send(Operator.post(this.ingest.url() + "/api/v1/records", body),
						java.net.http.HttpResponse.BodyHandlers.discarding())
				.statusCode();
			if (status != 202) {
				throw new IllegalStateException("Ingest answered " + status);
			}
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void startNotify() {
		this.system.startService("notify-service", "--spring.mongodb.database=" + DATABASE,
				"--herald.notify.delivery.concurrency=" + SENDERS);
	}

	private List<ReceivedEmail> awaitEmails(String marker, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<ReceivedEmail> emails = this.inbox.emails()
				.stream()
				.filter((email) -> email.subject().contains(marker))
				.toList();
			if (emails.size() >= count) {
				return emails;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(emails.size() + " of " + count + " emails " + marker + " arrived");
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static double rate(List<ReceivedEmail> emails) {
		Instant first = emails.stream().map(ReceivedEmail::receivedAt).min(Comparator.naturalOrder()).orElseThrow();
		Instant last = emails.stream().map(ReceivedEmail::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
		return (emails.size() - 1) / (Duration.between(first, last).toNanos() / 1e9);
	}

	private double rawLoop(ReceivedEmail template, int count) {
		List<String> recipients = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			recipients.add("raw-" + i + "@bench.example");
		}
		double perSecond = RawSmtpLoop.send(this.system.smtp().host(), this.system.smtp().port(), SENDERS,
				template.raw(), recipients);
		this.inbox.clear();
		return perSecond;
	}

}
