package dev.herald.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.herald.bench.BenchOptions;
import dev.herald.bench.report.Progress;
import dev.herald.localstack.Ports;
import dev.herald.localstack.mail.Inbox;
import dev.herald.localstack.mail.SmtpServer;
import dev.herald.localstack.run.ServiceProcess;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The servers of a run and the services started on them. Kafka and the MongoDB-protocol
 * server (in memory, as in the tests) each run in a local-stack process of their own; the
 * SMTP server runs in this process, so that the moment it accepts each email is known
 * exactly. Services run from their packaged jars with the local run's JVM settings, each
 * start on a fresh port; their logs go to the run's folder.
 */
public final class BenchSystem implements AutoCloseable {

	/**
	 * JVM options of every service and baseline process: those of the local run
	 * ({@code herald.run.java-options} in {@code localstack.yml}), which the services'
	 * container image uses too.
	 */
	public static final List<String> JVM_OPTIONS = localRunJavaOptions();

	private static final Duration STARTUP = Duration.ofSeconds(180);

	private static List<String> localRunJavaOptions() {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("localstack.yml",
					new ClassPathResource("localstack.yml"));
			return new Binder(ConfigurationPropertySources.from(sources))
				.bind("herald.run.java-options", Bindable.listOf(String.class))
				.orElseThrow(() -> new IllegalStateException("localstack.yml sets no herald.run.java-options"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private final BenchOptions options;

	private final Path directory;

	private final int kafkaPort = Ports.free();

	private final int mongoPort = Ports.free();

	private final ServiceProcess kafka;

	private final ServiceProcess mongo;

	private final SmtpServer smtp;

	private final MemorySampler memory = new MemorySampler();

	private final Map<String, Service> running = new LinkedHashMap<>();

	private int starts;

	private BenchSystem(BenchOptions options) throws IOException {
		this.options = options;
		String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		this.directory = Files.createDirectories(options.root().resolve("bench/target/run-" + run));
		this.kafka = stackProcess(options, "kafka", "--herald.run.kafka-port=" + this.kafkaPort);
		// In memory: the protocol server's file backend compares every index key through
		// Java
		// serialization, which would measure H2, not Herald.
		this.mongo = stackProcess(options, "mongo", "--herald.run.mongo-port=" + this.mongoPort,
				"--herald.run.mongo-in-memory=true");
		this.smtp = new SmtpServer(0, new Inbox(25_000));
	}

	/**
	 * Starts the servers.
	 * @param options the run's options
	 * @return the running system
	 */
	public static BenchSystem start(BenchOptions options) {
		BenchSystem system;
		try {
			system = new BenchSystem(options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			system.kafka.start();
			system.mongo.start();
			system.kafka.awaitReady(STARTUP);
			system.mongo.awaitReady(STARTUP);
			system.smtp.start();
			return system;
		}
		catch (RuntimeException ex) {
			system.close();
			throw ex;
		}
	}

	/**
	 * Starts a service and waits until it is ready. Its settings are those of the local
	 * run, pointed at this run's servers, plus the given ones.
	 * @param name the module, such as {@code catalog-service}
	 * @param arguments Spring Boot properties as command-line arguments
	 * ({@code --name=value})
	 * @return the running service
	 */
	public Service startService(String name, String... arguments) {
		return startService(name, List.of(), arguments);
	}

	/**
	 * Starts a service with more JVM options than the others, and waits until it is
	 * ready.
	 * @param name the module, such as {@code catalog-service}
	 * @param javaOptions JVM options after the common ones (a later {@code -Xmx} wins)
	 * @param arguments Spring Boot properties as command-line arguments
	 * @return the running service
	 */
	public Service startService(String name, List<String> javaOptions, String... arguments) {
		return start(name, javaOptions, "/actuator/health", arguments);
	}

	/**
	 * Starts a service that is meant to run with a dependency out of reach, and waits
	 * only until it is alive (its liveness probe), not ready.
	 * @param name the module, such as {@code notify-service}
	 * @param arguments Spring Boot properties as command-line arguments
	 * @return the running service
	 */
	public Service startServiceAlive(String name, String... arguments) {
		return start(name, List.of(), "/actuator/health/liveness", arguments);
	}

	/**
	 * Starts services at once, and waits until each is ready: two JVMs starting together
	 * on two cores are ready sooner than one after the other.
	 * @param arguments each service's Spring Boot properties, by module name
	 * @return the running services, by module name
	 */
	public Map<String, Service> startServices(Map<String, List<String>> arguments) {
		List<Service> launched = new ArrayList<>();
		arguments.forEach((name, settings) -> launched
			.add(launch(name, List.of(), "/actuator/health", settings.toArray(String[]::new))));
		Map<String, Service> ready = new LinkedHashMap<>();
		for (Service service : launched) {
			ready.put(service.name(), ready(service));
		}
		return ready;
	}

	private Service start(String name, List<String> javaOptions, String healthPath, String... arguments) {
		return ready(launch(name, javaOptions, healthPath, arguments));
	}

	private Service launch(String name, List<String> javaOptions, String healthPath, String... arguments) {
		stopService(name);
		int port = Ports.free();
		List<String> jvm = new ArrayList<>(JVM_OPTIONS);
		jvm.addAll(javaOptions);
		jvm.addAll(this.options.javaOptionsOf(name));
		jvm.addAll(flightRecording(this.options, name + "-" + (++this.starts)));
		List<String> all = new ArrayList<>(List.of(arguments));
		all.addAll(this.options.settingsOf(name));
		ServiceProcess process = ServiceProcess.jar(name, ServiceProcess.findJar(this.options.root().resolve(name)))
			.javaOptions(jvm.toArray(String[]::new))
			.arguments(all.toArray(String[]::new))
			.environment("SERVER_PORT", Integer.toString(port))
			// The local profile: actuator (health, Prometheus) on the service's own port.
			.environment("SPRING_PROFILES_ACTIVE", "local")
			.environment("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers())
			.environment("MONGODB_URI", mongoUri())
			.environment("MAIL_HOST", this.smtp.host())
			.environment("MAIL_PORT", Integer.toString(this.smtp.port()))
			.workingDirectory(this.options.root())
			.logFile(this.directory.resolve(name + ".log"))
			.healthUrl("http://localhost:" + port + healthPath)
			.build();
		process.start();
		Service service = new Service(name, port, process);
		this.running.put(name, service);
		return service;
	}

	private Service ready(Service service) {
		service.process().awaitReady(STARTUP);
		Progress.say(service.name() + " ready");
		this.memory.watch(service.name(), service.process().pid(), service.port());
		return service;
	}

	/**
	 * Stops a service gracefully, if it runs.
	 * @param name the module
	 */
	public void stopService(String name) {
		Service service = this.running.remove(name);
		if (service != null) {
			this.memory.unwatch(name);
			service.process().stop();
		}
	}

	public String kafkaBootstrapServers() {
		return "localhost:" + this.kafkaPort;
	}

	public String mongoUri() {
		return "mongodb://localhost:" + this.mongoPort;
	}

	public SmtpServer smtp() {
		return this.smtp;
	}

	public Path directory() {
		return this.directory;
	}

	/**
	 * The highest memory use of each service so far.
	 * @return peaks by service name
	 */
	public Map<String, MemoryPeak> memoryPeaks() {
		this.memory.sampleNow();
		return this.memory.peaks();
	}

	@Override
	public void close() {
		for (String name : List.copyOf(this.running.keySet())) {
			try {
				stopService(name);
			}
			catch (RuntimeException ex) {
				// keep stopping the others
			}
		}
		this.memory.close();
		this.smtp.stop();
		this.mongo.close();
		this.kafka.close();
		// The logs stay; the data (gigabytes of Kafka segments) goes.
		deleteRecursively(this.directory.resolve("kafka-data"));
		deleteRecursively(this.directory.resolve("mongo-data"));
	}

	private static void deleteRecursively(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs a full garbage collection in every server and service process, so that a
	 * measurement does not pay for garbage the previous one left: the same starting state
	 * for Herald and for its baseline.
	 */
	public void collectGarbage() {
		List<Long> pids = new ArrayList<>(List.of(this.kafka.pid(), this.mongo.pid()));
		this.running.values().forEach((service) -> pids.add(service.process().pid()));
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		for (long pid : pids) {
			try {
				Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		System.gc();
	}

	/**
	 * The CPU time used so far by the servers, the running services and this process (the
	 * load and the SMTP server).
	 * @return the snapshot
	 */
	public CpuTime cpu() {
		Map<String, Long> pids = CpuTime.self();
		pids.put("kafka", this.kafka.pid());
		pids.put("mongo", this.mongo.pid());
		this.running.forEach((name, service) -> pids.put(name, service.process().pid()));
		return CpuTime.of(pids);
	}

	// Kafka and MongoDB in processes of their own, so that each one's CPU is known.
	private ServiceProcess stackProcess(BenchOptions options, String component, String... settings) {
		int webPort = Ports.free();
		// In memory, the MongoDB-protocol server holds every record of the run.
		List<String> jvm = new ArrayList<>(List.of("-Xms4g", "-Xmx4g"));
		jvm.addAll(flightRecording(options, component));
		return ServiceProcess.jar(component, localStackJar(options.root()))
			.javaOptions(jvm.toArray(String[]::new))
			.arguments(arguments(component, webPort, settings))
			.workingDirectory(options.root())
			.logFile(this.directory.resolve(component + ".log"))
			.healthUrl("http://localhost:" + webPort + "/actuator/health")
			.build();
	}

	private String[] arguments(String component, int webPort, String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--herald.run.services=false",
				"--herald.run.components=" + component, "--herald.run.inbox-port=" + webPort,
				"--herald.run.data-directory=" + this.directory.resolve(component + "-data")));
		arguments.addAll(List.of(settings));
		return arguments.toArray(String[]::new);
	}

	private static List<String> flightRecording(BenchOptions options, String name) {
		if (!options.jfr()) {
			return List.of();
		}
		Path recordings = createDirectories(options.root().resolve("bench/target/jfr"));
		return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
				+ recordings.resolve(name + ".jfr"));
	}

	private static Path createDirectories(Path folder) {
		try {
			return Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path localStackJar(Path root) {
		try (Stream<Path> files = Files.list(root.resolve("local-stack/target"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No local-stack/target/*-exec.jar: build first"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
