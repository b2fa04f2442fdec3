package dev.herald.bench.figures;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleBiFunction;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.herald.bench.load.EventProducer;
import dev.herald.bench.load.RecordFactory;
import dev.herald.bench.report.Figure;
import dev.herald.bench.report.Rate;
import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.CpuTime;
import dev.herald.localstack.Ports;
import dev.herald.localstack.mail.Inbox;
import org.bson.Document;

/**
 * N2, measured only when named: notify draining an outbox of due emails that nothing
 * hinted, as after a restart that followed an SMTP outage. Notify matches a backlog of
 * records while its relay is out of reach, so that every email waits in the outbox; it is
 * then restarted with the relay back, and only its look at the outbox can find them.
 */
final class RestartBacklogFigure {

	private static final String DATABASE = "bench_notify";

	private static final String RECORDS_TOPIC = "herald.records.v1";

	private final BenchSystem system;

	private final Inbox inbox;

	private final EventProducer producer;

	private final RecordFactory factory;

	private final String[] notifySettings;

	RestartBacklogFigure(BenchSystem system, EventProducer producer, RecordFactory factory, String... notifySettings) {
		this.system = system;
		this.inbox = system.smtp().inbox();
		this.producer = producer;
		this.factory = factory;
		this.notifySettings = notifySettings;
	}

	/**
	 * Measures a repetition of N2.
	 * @param n2 where it goes
	 * @param rep the repetition
	 * @param records records in the backlog, each matching one subscriber
	 * @param baseline the raw SMTP loop's rate for the emails of a marker
	 */
	void measure(Figure n2, int rep, int records, ToDoubleBiFunction<String, Integer> baseline) {
		String marker = "N2-r" + rep;
		this.inbox.clear();
		try (MongoClient mongo = MongoClients.create(this.system.mongoUri())) {
			MongoCollection<Document> outbox = mongo.getDatabase(DATABASE).getCollection("emails");
			long before = outbox.countDocuments();
			// Nothing listens on this port: every email stays in the outbox, and notify
			// is
			// alive but not ready.
			this.system.startServiceAlive("notify-service", settings("--spring.mail.port=" + Ports.free()));
			this.producer.write(RECORDS_TOPIC, records, this.factory, List.of(BenchSubscribers.SINGLE_TOPIC), marker);
			Drain.await(() -> outbox.countDocuments(), before + records, Duration.ofMinutes(10));
			this.system.stopService("notify-service");
		}
		this.system.startService("notify-service", settings());
		DoubleSupplier sent = () -> this.inbox.emails()
			.stream()
			.filter((email) -> email.subject().contains(marker))
			.count();
		Rate herald = Drain.measure(sent, 0, records, Duration.ofMinutes(15), this.system::cpu);
		n2.add(herald.perSecond(), baseline.applyAsDouble(marker, records));
		n2.note("N2 CPU per 1,000 emails (repetition " + (rep + 1) + "): Herald "
				+ CpuTime.describe(herald.cpuPerThousand()));
	}

	private String[] settings(String... more) {
		String[] all = new String[this.notifySettings.length + more.length];
		System.arraycopy(this.notifySettings, 0, all, 0, this.notifySettings.length);
		System.arraycopy(more, 0, all, this.notifySettings.length, more.length);
		return all;
	}

}
