package dev.herald.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.herald.localstack.Ports;
import dev.herald.localstack.run.ServiceProcess;

/**
 * The whole of Herald as separate processes: the Kafka broker (a local-stack process of
 * its own, so that it can be stopped alone), MongoDB and SMTP with the inbox (a second
 * local-stack process), and the three services from their packaged jars. Every port is
 * free when chosen; every process writes its log under the run's own folder in
 * {@code target/}.
 */
final class HeraldSystem implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(180);

	/**
	 * How many emails one notify sender sends between two records of their outcomes in
	 * the ledger: what a sender killed mid-fan-out may have sent without recording it.
	 */
	static final int DELIVERY_RECORD_EVERY = 10;

	/**
	 * Senders per notify instance, each on its own SMTP connection.
	 */
	static final int DELIVERY_CONCURRENCY = 2;

	/**
	 * The emails a notify instance killed with SIGKILL may have sent without recording
	 * them, and which are therefore sent again: per sender, the
	 * {@link #DELIVERY_RECORD_EVERY} of the record being written and as many sent since.
	 */
	static final int IN_FLIGHT_PER_INSTANCE = 2 * DELIVERY_RECORD_EVERY * DELIVERY_CONCURRENCY;

	/**
	 * The relay's rate as each notify instance is told of it: slow enough that a fan-out
	 * to thousands lasts long enough to be interrupted.
	 */
	static final int EMAILS_PER_SECOND = 40;

	private final Path root;

	private final Path directory;

	private final int kafkaPort = Ports.free();

	private final int mongoPort = Ports.free();

	private final int smtpPort = Ports.free();

	private final int inboxPort = Ports.free();

	private final int kafkaStackPort = Ports.free();

	private final int ingestPort = Ports.free();

	private final int catalogPort = Ports.free();

	private final int notifyPort = Ports.free();

	private final int secondNotifyPort = Ports.free();

	private final ServiceProcess kafka;

	private final ServiceProcess store;

	private final ServiceProcess ingest;

	private final ServiceProcess catalog;

	private final ServiceProcess notify;

	private final ServiceProcess secondNotify;

	private final TraceReceiver traces = new TraceReceiver();

	private HeraldSystem(Path root) throws IOException {
		this.root = root;
		String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		this.directory = Files.createDirectories(root.resolve("e2e-tests/target/e2e-" + run));
		Path localStack = localStackJar(root);
		this.kafka = stackProcess("kafka", localStack, this.kafkaStackPort, "--herald.run.components=kafka",
				"--herald.run.kafka-port=" + this.kafkaPort);
		this.store = stackProcess("mongo-smtp", localStack, this.inboxPort, "--herald.run.components=mongo,smtp",
				"--herald.run.mongo-port=" + this.mongoPort, "--herald.run.smtp-port=" + this.smtpPort,
				"--herald.run.inbox-capacity=50000");
		this.ingest = service("ingest-service", this.ingestPort,
				Map.of("HERALD_INGEST_CATALOG_BASE_URL", catalogUrl()));
		this.catalog = service("catalog-service", this.catalogPort,
				Map.of("HERALD_CATALOG_PUBLIC_BASE_URL", catalogUrl()));
		this.notify = notify("notify-service", this.notifyPort);
		this.secondNotify = notify("notify-service-2", this.secondNotifyPort);
	}

	/**
	 * A notify instance. Emails claimed by a killed instance are taken over once their
	 * lease ends: a short lease keeps the crash scenario within minutes.
	 */
	private ServiceProcess notify(String name, int port) {
		Map<String, String> settings = new java.util.HashMap<>();
		settings.put("HERALD_NOTIFY_CATALOG_BASE_URL", catalogUrl());
		settings.put("HERALD_NOTIFY_PUBLIC_BASE_URL", notifyUrl());
		settings.put("HERALD_NOTIFY_LIMITS_REQUESTS_PER_CLIENT_PER_MINUTE", "100000");
		settings.put("HERALD_NOTIFY_DELIVERY_RECORD_EVERY", Integer.toString(DELIVERY_RECORD_EVERY));
		settings.put("HERALD_NOTIFY_DELIVERY_CONCURRENCY", Integer.toString(DELIVERY_CONCURRENCY));
		settings.put("HERALD_NOTIFY_DELIVERY_LEASE", "20s");
		settings.put("HERALD_NOTIFY_DELIVERY_SCAN_INTERVAL", "1s");
		settings.put("HERALD_NOTIFY_DELIVERY_MAX_PER_SECOND", Integer.toString(EMAILS_PER_SECOND));
		// The scenarios count one alert per record; the hourly roll-up of a burst into
		// one
		// email is tested with a moved clock in notify's integration tests.
		settings.put("HERALD_NOTIFY_DELIVERY_BURST_LIMIT", "0");
		return service(name, "notify-service", port, settings);
	}

	/**
	 * Starts everything and waits until every process is healthy.
	 * @return the running system
	 */
	static HeraldSystem start() {
		HeraldSystem system;
		try {
			system = new HeraldSystem(findProjectRoot());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not prepare the end-to-end run folder", ex);
		}
		try {
			system.kafka.start();
			system.store.start();
			system.kafka.awaitReady(STARTUP);
			system.store.awaitReady(STARTUP);
			for (ServiceProcess service : system.services()) {
				service.start();
			}
			for (ServiceProcess service : system.services()) {
				service.awaitReady(STARTUP);
			}
			return system;
		}
		catch (RuntimeException ex) {
			system.close();
			throw ex;
		}
	}

	String ingestUrl() {
		return "http://localhost:" + this.ingestPort;
	}

	String catalogUrl() {
		return "http://localhost:" + this.catalogPort;
	}

	String notifyUrl() {
		return "http://localhost:" + this.notifyPort;
	}

	String inboxUrl() {
		return "http://localhost:" + this.inboxPort;
	}

	String mongoUri() {
		return "mongodb://localhost:" + this.mongoPort;
	}

	int smtpPort() {
		return this.smtpPort;
	}

	String kafkaBootstrapServers() {
		return "localhost:" + this.kafkaPort;
	}

	/**
	 * A producer to the system's broker, acknowledged by every replica.
	 * @return the producer, for the caller to close
	 */
	org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> kafkaProducer() {
		java.util.Properties properties = new java.util.Properties();
		properties.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				kafkaBootstrapServers());
		properties.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
		return new org.apache.kafka.clients.producer.KafkaProducer<>(properties,
				new org.apache.kafka.common.serialization.StringSerializer(),
				new org.apache.kafka.common.serialization.ByteArraySerializer());
	}

	ServiceProcess kafka() {
		return this.kafka;
	}

	ServiceProcess catalogService() {
		return this.catalog;
	}

	ServiceProcess notifyService() {
		return this.notify;
	}

	/**
	 * A second notify instance on the same broker, database and relay, started only by
	 * the tests that need two.
	 * @return the second instance
	 */
	ServiceProcess secondNotifyService() {
		return this.secondNotify;
	}

	String secondNotifyUrl() {
		return "http://localhost:" + this.secondNotifyPort;
	}

	ServiceProcess ingestService() {
		return this.ingest;
	}

	/**
	 * Starts a killed or stopped process again and waits until it is healthy.
	 * @param process one of this system's processes
	 */
	void restart(ServiceProcess process) {
		process.start().awaitReady(STARTUP);
	}

	/**
	 * Starts again whatever a test before left stopped or killed, so that one failed
	 * scenario does not fail those after it. The second notify instance stays as the
	 * tests that need it leave it.
	 * @return this system
	 */
	HeraldSystem ensureRunning() {
		List<ServiceProcess> all = new ArrayList<>(List.of(this.kafka, this.store));
		all.addAll(services());
		for (ServiceProcess process : all) {
			if (!process.isAlive()) {
				System.out.println("e2e: " + process.name() + " was not running; starting it again");
				restart(process);
			}
		}
		return this;
	}

	Path projectRoot() {
		return this.root;
	}

	/**
	 * The folder of this run, with a log file per process.
	 * @return the folder
	 */
	Path directory() {
		return this.directory;
	}

	/**
	 * Ports the README's commands name, mapped to this run's ports.
	 * @return documented port to actual port
	 */
	Map<Integer, Integer> documentedPorts() {
		return Map.of(8081, this.ingestPort, 8082, this.catalogPort, 8083, this.notifyPort, 8025, this.inboxPort);
	}

	@Override
	public void close() {
		List<ServiceProcess> all = new ArrayList<>(services());
		all.add(this.secondNotify);
		all.add(this.store);
		all.add(this.kafka);
		for (ServiceProcess process : all) {
			try {
				process.close();
			}
			catch (RuntimeException ex) {
				process.kill();
			}
		}
		this.traces.close();
	}

	/**
	 * The spans the services exported.
	 * @return the receiver of their spans
	 */
	TraceReceiver traces() {
		return this.traces;
	}

	private List<ServiceProcess> services() {
		return List.of(this.ingest, this.catalog, this.notify);
	}

	private ServiceProcess stackProcess(String name, Path jar, int webPort, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--herald.run.services=false", "--herald.run.inbox-port=" + webPort,
				"--herald.run.data-directory=" + this.directory.resolve(name)));
		all.addAll(List.of(arguments));
		return ServiceProcess.jar(name, jar)
			.javaOptions("-Xmx384m")
			.arguments(all.toArray(String[]::new))
			.workingDirectory(this.root)
			.logFile(this.directory.resolve(name + ".log"))
			.healthUrl("http://localhost:" + webPort + "/actuator/health")
			.build();
	}

	private ServiceProcess service(String name, int port, Map<String, String> settings) {
		return service(name, name, port, settings);
	}

	private ServiceProcess service(String name, String module, int port, Map<String, String> settings) {
		return ServiceProcess.jar(name, ServiceProcess.findJar(this.root.resolve(module)))
			.javaOptions("-Xmx384m", "-XX:TieredStopAtLevel=1")
			.environment("SERVER_PORT", Integer.toString(port))
			// The local profile: actuator (health, Prometheus) on the service's own port.
			.environment("SPRING_PROFILES_ACTIVE", "local")
			.environment("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers())
			.environment("MONGODB_URI", "mongodb://localhost:" + this.mongoPort)
			.environment("MAIL_HOST", "localhost")
			.environment("MAIL_PORT", Integer.toString(this.smtpPort))
			// Every span goes to the test's OTLP receiver, soon after it ends.
			.environment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", this.traces.endpoint())
			.environment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms")
			.environment(settings)
			.workingDirectory(this.root)
			.logFile(this.directory.resolve(name + ".log"))
			.healthUrl("http://localhost:" + port + "/actuator/health")
			.build();
	}

	private static Path localStackJar(Path root) {
		try (Stream<Path> files = Files.list(root.resolve("local-stack/target"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No local-stack/target/*-exec.jar: package the project first (./mvnw package)"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No local-stack/target folder: package the project first", ex);
		}
	}

	static Path findProjectRoot() {
		Path here = Path.of("").toAbsolutePath();
		return Files.exists(here.resolve("e2e-tests")) ? here : here.getParent();
	}

}
