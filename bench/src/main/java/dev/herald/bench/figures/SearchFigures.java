package dev.herald.bench.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.herald.bench.load.EventProducer;
import dev.herald.bench.load.RecordFactory;
import dev.herald.bench.report.Figure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;

/**
 * M1: matching one record against 100,000 stored saved searches, as notify does it (its
 * own timer of each match: the buckets of its histogram that a round filled, read from
 * its actuator), and notify's heap with them loaded.
 * <p>
 * The searches belong to subscribers who follow no topic, so the figures measured before
 * see none of them. Each search is one word that no other search has, alone, in a phrase
 * or with an exclusion; each record carries one of those words, so it matches one search
 * among all.
 */
final class SearchFigures {

	private static final String RECORDS_TOPIC = "herald.records.v1";

	/** A topic no subscriber of the bench follows: only saved searches match. */
	private static final String UNFOLLOWED_TOPIC = "crisis-response";

	/**
	 * The searches' subscribers take a daily digest: their matches are stored for the
	 * digest and no email is sent while the matching is timed (R6, N1 and L2 measure
	 * sending).
	 */
	private static final Document DAILY = new Document("frequency", "DAILY").append("time", "08:00")
		.append("zone", "UTC");

	private static final String MATCH_SECONDS = "herald_notify_searches_match_seconds";

	private static final int WARM_UP = 300;

	private static final int MEASURED = 500;

	/**
	 * Records arrive one at a time, 83 a second (500 in 6 s): the figure is the cost of
	 * matching a record, not the queueing of a burst behind the sending of its emails on
	 * two cores.
	 */
	private static final Duration PACE = Duration.ofMillis(12);

	private final MongoDatabase database;

	private final EventProducer producer;

	private final RecordFactory factory = new RecordFactory(17);

	SearchFigures(MongoDatabase database, EventProducer producer) {
		this.database = database;
		this.producer = producer;
	}

	/**
	 * Measures, once notify runs on the seeded searches.
	 * @param notifyUrl notify's address
	 * @param m1 the figure of the match's 99th percentile
	 * @param heap the figure of notify's heap with the searches loaded
	 * @param searches how many searches
	 * @param repetitions repetitions of the measurement
	 */
	void run(String notifyUrl, long notifyPid, Figure m1, Figure heap, int searches, int repetitions) {
		double heapBefore = liveHeapMiB(notifyUrl, notifyPid);
		double matchedBefore = Metrics.count(notifyUrl, "herald.notify.searches.match");
		post(WARM_UP, searches, Duration.ZERO);
		Drain.await(() -> Metrics.value(notifyUrl, "herald.notify.searches"), searches, Duration.ofMinutes(5));
		// Every warm-up record matched before a round starts: none of them is counted in
		// a round's buckets.
		Drain.await(() -> Metrics.count(notifyUrl, "herald.notify.searches.match"), matchedBefore + WARM_UP,
				Duration.ofMinutes(5));
		heap.add(liveHeapMiB(notifyUrl, notifyPid));
		heap.note("M1 heap: notify's heap after a full collection was " + Math.round(heapBefore) + " MiB before the "
				+ searches + " searches were loaded");
		// One paced round first, not counted: the JIT compiles the code of this pace
		// before any round is timed.
		for (int rep = -1; rep < repetitions; rep++) {
			BucketCounts before = Metrics.buckets(notifyUrl, MATCH_SECONDS);
			double matched = Metrics.count(notifyUrl, "herald.notify.searches.match");
			post(MEASURED, searches, PACE);
			Drain.await(() -> Metrics.count(notifyUrl, "herald.notify.searches.match"), matched + MEASURED,
					Duration.ofMinutes(5));
			if (rep < 0) {
				continue;
			}
			BucketCounts round = Metrics.buckets(notifyUrl, MATCH_SECONDS).since(before);
			m1.add(round.quantile(0.99) * 1000);
			m1.note(String.format(Locale.ROOT, "M1 repetition %d: p50 %.2f ms, p99 %.2f ms over %.0f records", rep + 1,
					round.quantile(0.5) * 1000, round.quantile(0.99) * 1000, round.total()));
		}
	}

	/**
	 * Stores the searches, each of a subscriber of its own who follows no topic.
	 * @param count how many
	 */
	void seed(int count) {
		Date now = Date.from(Instant.now());
		List<Document> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String word = word(i);
			String query = switch (i % 3) {
				case 0 -> word;
				case 1 -> "\"" + word + " meeting\" OR " + word + "s";
				default -> word + " NOT draft";
			};
			String email = "search-" + i + "@bench.example";
			batch.add(new Document("_id", UUID.randomUUID().toString()).append("email", email)
				.append("emailKey", email)
				.append("topics", List.of())
				.append("searches", List.of(new Document("query", query)))
				.append("status", "ACTIVE")
				.append("schedule", DAILY)
				.append("language", "en")
				.append("createdAt", now)
				.append("updatedAt", now)
				.append("confirmedAt", now)
				.append("permanentFailures", 0)
				.append("tokenVersion", 0L));
			if (batch.size() == 10_000) {
				insert(batch);
			}
		}
		insert(batch);
	}

	private void insert(List<Document> batch) {
		if (!batch.isEmpty()) {
			this.database.getCollection("subscribers").insertMany(batch, new InsertManyOptions().ordered(false));
			batch.clear();
		}
	}

	/** Records each carrying the word of one search, one every {@code pace}. */
	private void post(int records, int searches, Duration pace) {
		List<UUID> ids = new ArrayList<>(records);
		List<ProducerRecord<String, byte[]>> messages = new ArrayList<>(records);
		for (int i = 0; i < records; i++) {
			EventProducer.Backlog one = this.producer.prepare(RECORDS_TOPIC, 1, this.factory, List.of(UNFOLLOWED_TOPIC),
					word((i * 7919) % searches));
			ids.addAll(one.ids());
			messages.addAll(one.messages());
		}
		this.producer.write(new EventProducer.Backlog(ids, messages), pace);
	}

	/** Used heap right after a full collection (asked of the JVM with jcmd), in MiB. */
	private static double liveHeapMiB(String notifyUrl, long pid) {
		try {
			Process gc = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			gc.waitFor();
		}
		catch (java.io.IOException ex) {
			// Without jcmd, the sample holds garbage too.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Metrics.value(notifyUrl, "jvm.memory.used?tag=area:heap") / (1024 * 1024);
	}

	/** A word of letters only, one per search, that no record text has otherwise. */
	static String word(int i) {
		StringBuilder word = new StringBuilder("qx");
		int n = i;
		do {
			word.append((char) ('a' + n % 26));
			n /= 26;
		}
		while (n > 0);
		return word.append("qz").toString();
	}

	/**
	 * Notify's settings for M1: the match timer's histogram in buckets of 0.1 ms up to 1
	 * ms, 0.2 ms up to 3 ms, 0.25 ms up to 6 ms, 0.5 ms up to 10 ms and 1 ms up to 20 ms
	 * (then 25, 30, 40, 50, 75, 100, 200 and 500 ms), so that a round's percentiles are
	 * read from the buckets it filled, within a few percent.
	 * @return the settings, as command-line arguments
	 */
	static List<String> histogramSettings() {
		List<String> bounds = new ArrayList<>();
		addBounds(bounds, 100, 1_000, 100);
		addBounds(bounds, 1_200, 3_000, 200);
		addBounds(bounds, 3_250, 6_000, 250);
		addBounds(bounds, 6_500, 10_000, 500);
		addBounds(bounds, 11_000, 20_000, 1_000);
		for (int millis : new int[] { 25, 30, 40, 50, 75, 100, 200, 500 }) {
			bounds.add(millis + "ms");
		}
		return List
			.of("--management.metrics.distribution.slo.herald.notify.searches.match=" + String.join(",", bounds));
	}

	private static void addBounds(List<String> bounds, int fromMicros, int toMicros, int stepMicros) {
		for (int micros = fromMicros; micros <= toMicros; micros += stepMicros) {
			bounds.add(micros + "us");
		}
	}

}
