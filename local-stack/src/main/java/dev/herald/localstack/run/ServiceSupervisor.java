package dev.herald.localstack.run;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.herald.localstack.kafka.KafkaBroker;
import dev.herald.localstack.mail.SmtpServer;
import dev.herald.localstack.mongo.MongoServerRunner;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Starts the services' jars once the infrastructure runs, waits until each reports UP,
 * prints where everything is, and stops the children when the local run ends.
 */
@Order(0)
class ServiceSupervisor implements ApplicationRunner, DisposableBean {

	/**
	 * The profile of a local run: actuator on the public port, development settings
	 * allowed.
	 */
	static final String LOCAL_PROFILE = "local";

	private final LocalRunProperties properties;

	private final Optional<KafkaBroker> kafka;

	private final Optional<MongoServerRunner> mongo;

	private final Optional<SmtpServer> smtp;

	private final Environment environment;

	private final List<ServiceProcess> processes = new ArrayList<>();

	private volatile boolean stopping;

	/** The services listen on loopback only, unless the run is opened. */
	static final String LOOPBACK = "127.0.0.1";

	private final String bindAddress;

	ServiceSupervisor(LocalRunProperties properties, Optional<KafkaBroker> kafka, Optional<MongoServerRunner> mongo,
			Optional<SmtpServer> smtp, Environment environment) {
		this.properties = properties;
		this.environment = environment;
		this.kafka = kafka;
		this.mongo = mongo;
		this.smtp = smtp;
		this.bindAddress = environment.getProperty("herald.run.bind-address", LOOPBACK);
	}

	@Override
	public void run(ApplicationArguments args) {
		System.out.printf(Locale.ROOT, "Servers up after %s%n",
				seconds(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())));
		if (this.properties.services()) {
			startServices();
		}
		if (!this.stopping) {
			int inboxPort = this.environment.getProperty("local.server.port", Integer.class,
					this.properties.inboxPort());
			new LocalRunReport(this.properties, inboxPort, this.kafka, this.mongo, this.smtp).print(System.out);
			System.out.println(LocalRunConfiguration.READY_LINE);
		}
	}

	private void startServices() {
		for (ServiceApp app : this.properties.apps()) {
			ServiceProcess process = process(app);
			synchronized (this.processes) {
				if (this.stopping) {
					return;
				}
				this.processes.add(process);
				process.start();
			}
			System.out
				.println("Starting " + app.name() + " on port " + app.port() + " (log " + process.logFile() + ")");
		}
		Instant started = Instant.now();
		Instant deadline = started.plus(this.properties.healthTimeout());
		for (ServiceProcess process : List.copyOf(this.processes)) {
			try {
				Duration left = Duration.between(Instant.now(), deadline);
				process.awaitReady(left.isNegative() ? Duration.ZERO : left);
				System.out.printf(Locale.ROOT, "%s is ready after %s%n", process.name(),
						seconds(Duration.between(started, Instant.now())));
			}
			catch (ServiceProcessException ex) {
				if (this.stopping) {
					return;
				}
				throw ex;
			}
		}
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	List<ServiceProcess> processes() {
		synchronized (this.processes) {
			return List.copyOf(this.processes);
		}
	}

	private ServiceProcess process(ServiceApp app) {
		return ServiceProcess.jar(app.name(), ServiceProcess.findJar(this.properties.projectPath().resolve(app.name())))
			.javaOptions(this.properties.javaOptions().toArray(String[]::new))
			.environment(environment(app))
			.workingDirectory(this.properties.projectPath())
			.logFile(this.properties.logDirectory().resolve(app.name() + ".log"))
			.healthUrl(app.healthUrl())
			.build();
	}

	/**
	 * The variables every service's {@code application.yml} reads, pointing at the
	 * servers that run (their actual ports, which differ from the settings when those are
	 * 0).
	 */
	private Map<String, String> environment(ServiceApp app) {
		int kafkaPort = this.kafka.map(KafkaBroker::port).orElse(this.properties.kafkaPort());
		int mongoPort = this.mongo.map(MongoServerRunner::port).orElse(this.properties.mongoPort());
		int smtpPort = this.smtp.map(SmtpServer::port).orElse(this.properties.smtpPort());
		return Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafkaPort, "MONGODB_URI",
				"mongodb://localhost:" + mongoPort, "MAIL_HOST", "localhost", "MAIL_PORT", String.valueOf(smtpPort),
				"SERVER_PORT", String.valueOf(app.port()), "SERVER_ADDRESS", this.bindAddress, "SPRING_PROFILES_ACTIVE",
				LOCAL_PROFILE);
	}

	/**
	 * Stops every child at once (SIGTERM, then SIGKILL after the grace period) and waits
	 * until all are gone.
	 */
	@Override
	public void destroy() throws InterruptedException {
		List<ServiceProcess> running;
		synchronized (this.processes) {
			this.stopping = true;
			running = List.copyOf(this.processes);
		}
		List<Thread> stoppers = running.stream()
			.map((process) -> new Thread(process::stop, "stop-" + process.name()))
			.toList();
		stoppers.forEach(Thread::start);
		for (Thread stopper : stoppers) {
			stopper.join();
		}
	}

	/**
	 * What runs where, printed once the local run is up.
	 */
	private record LocalRunReport(LocalRunProperties properties, int inboxPort, Optional<KafkaBroker> kafka,
			Optional<MongoServerRunner> mongo, Optional<SmtpServer> smtp) {

		void print(PrintStream out) {
			out.println();
			if (this.properties.services()) {
				for (ServiceApp app : this.properties.apps()) {
					out.printf("  %-16s %s%n", app.name(), app.url());
					app.pages().forEach((page) -> out.printf("  %-16s %s%s%n", "", app.url(), page));
				}
			}
			this.smtp.ifPresent((server) -> {
				out.printf("  %-16s http://localhost:%d%n", "inbox page", this.inboxPort);
				out.printf("  %-16s localhost:%d%n", "SMTP", server.port());
			});
			this.kafka.ifPresent((broker) -> out.printf("  %-16s %s (data %s)%n", "Kafka", broker.bootstrapServers(),
					broker.dataDirectory()));
			this.mongo.ifPresent((server) -> out.printf("  %-16s %s%n", "MongoDB", server.connectionString()));
			if (this.properties.services()) {
				out.printf("  %-16s %s%n", "logs", this.properties.logDirectory().toAbsolutePath().normalize());
			}
			out.println();
			out.println("Press Ctrl-C to stop everything.");
		}

	}

}
