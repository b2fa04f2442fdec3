package dev.herald.localstack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import dev.herald.localstack.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node),
 * running inside this JVM from Kafka's own server classes.
 * <p>
 * Single-node settings: replication factor 1 for internal topics, few partitions for the
 * offsets topic, no initial rebalance delay. The client port stays the same across
 * {@link #stop()} and {@link #start()}, and so does the data: a restarted broker serves
 * the records written before.
 * <p>
 * Kafka's server loggers are kept at WARN; set the system property
 * {@code herald.kafka.log-level} (for example to {@code INFO}) to see more.
 */
public final class KafkaBroker implements AutoCloseable {

	/** The topic every record event goes to. */
	public static final String RECORDS_TOPIC = "herald.records.v1";

	/** Partitions of {@link #RECORDS_TOPIC}. */
	public static final int RECORDS_TOPIC_PARTITIONS = 6;

	private static final Logger logger = LoggerFactory.getLogger(KafkaBroker.class);

	private static final int NODE_ID = 1;

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final Path dataDirectory;

	private final boolean temporary;

	private final Map<String, String> overrides;

	private int port;

	private KafkaRaftServer server;

	private IntSupplier freePorts = Ports::free;

	private KafkaBroker(Path dataDirectory, boolean temporary, int port, Map<String, String> overrides) {
		this.dataDirectory = dataDirectory;
		this.temporary = temporary;
		this.port = port;
		this.overrides = Map.copyOf(overrides);
	}

	/**
	 * A broker whose data lives in a new temporary folder, deleted by {@link #close()}.
	 * @param port the client port, or 0 for a free one (kept across restarts)
	 * @return a broker, not yet started
	 */
	public static KafkaBroker temporary(int port) {
		try {
			return new KafkaBroker(Files.createTempDirectory("herald-kafka-"), true, port, Map.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A broker whose data lives in the given folder and survives; a folder formatted by
	 * an earlier run is reused with its cluster id.
	 * @param dataDirectory the data folder, created if absent
	 * @param port the client port, or 0 for a free one (kept across restarts)
	 * @return a broker, not yet started
	 */
	public static KafkaBroker persistent(Path dataDirectory, int port) {
		return new KafkaBroker(dataDirectory.toAbsolutePath(), false, port, Map.of());
	}

	/**
	 * A copy of this broker definition with extra broker settings.
	 * @param settings broker properties that override the single-node defaults
	 * @return a new broker, not yet started
	 */
	public KafkaBroker withSettings(Map<String, String> settings) {
		return new KafkaBroker(this.dataDirectory, this.temporary, this.port, settings);
	}

	/**
	 * Formats the data folder if needed, starts the broker and waits until it serves
	 * clients. Does nothing when it runs already.
	 * @return this broker
	 */
	public synchronized KafkaBroker start() {
		if (this.server != null) {
			return this;
		}
		if (this.port == 0) {
			this.port = Ports.free();
		}
		BrokerLogging.apply();
		Instant started = Instant.now();
		KafkaConfig config = new KafkaConfig(brokerProperties(controllerPort()), false);
		formatIfNeeded(config);
		KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
		try {
			raftServer.startup();
			this.server = raftServer;
			awaitReady();
		}
		catch (RuntimeException ex) {
			this.server = null;
			shutdown(raftServer);
			throw ex;
		}
		logger.info("Kafka broker ready on {} in {} ms", bootstrapServers(),
				Duration.between(started, Instant.now()).toMillis());
		return this;
	}

	/**
	 * Where the controller listens: a free port other than the client port. A port found
	 * free by a process that then closed it (the client port, chosen by whoever started
	 * the stack) can be found free again, and a controller on the client port fails to
	 * bind: the broker does not start.
	 */
	private int controllerPort() {
		int port = this.freePorts.getAsInt();
		while (port == this.port) {
			port = this.freePorts.getAsInt();
		}
		return port;
	}

	/**
	 * Where free ports come from (by default the system's): for a test that hands out the
	 * client port first.
	 * @param ports free ports
	 * @return this broker
	 */
	KafkaBroker freePorts(IntSupplier ports) {
		this.freePorts = ports;
		return this;
	}

	/**
	 * Shuts the broker down cleanly and keeps its data and port. Does nothing when it is
	 * stopped already.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			KafkaRaftServer running = this.server;
			this.server = null;
			shutdown(running);
		}
	}

	/**
	 * Stops the broker and deletes a temporary data folder.
	 */
	@Override
	public synchronized void close() {
		stop();
		if (this.temporary) {
			deleteRecursively(this.dataDirectory);
		}
	}

	/**
	 * Whether the broker runs.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * The client port, fixed at the first start when it was 0.
	 * @return the port clients connect to
	 */
	public synchronized int port() {
		return this.port;
	}

	/**
	 * The value for {@code bootstrap.servers}.
	 * @return {@code localhost:<port>}
	 */
	public String bootstrapServers() {
		return "localhost:" + port();
	}

	/**
	 * The data folder.
	 * @return the folder holding the logs and the cluster metadata
	 */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * Creates {@link #RECORDS_TOPIC} with {@value #RECORDS_TOPIC_PARTITIONS} partitions
	 * and the given topics; topics that exist already are left as they are.
	 * @param topics topic names and their partition counts
	 */
	public void createTopics(Map<String, Integer> topics) {
		List<NewTopic> newTopics = new ArrayList<>();
		newTopics.add(new NewTopic(RECORDS_TOPIC, RECORDS_TOPIC_PARTITIONS, (short) 1));
		topics.forEach((name, partitions) -> {
			if (!RECORDS_TOPIC.equals(name)) {
				newTopics.add(new NewTopic(name, partitions, (short) 1));
			}
		});
		try (Admin admin = admin()) {
			admin.createTopics(newTopics).values().values().forEach(KafkaBroker::awaitCreated);
		}
	}

	/**
	 * The names of the topics that exist, internal ones excluded.
	 * @return topic names
	 */
	public Set<String> topicNames() {
		try (Admin admin = admin()) {
			return admin.listTopics().names().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not list the topics of " + bootstrapServers(), ex);
		}
	}

	private Properties brokerProperties(int controllerPort) {
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(NODE_ID));
		properties.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
		properties.put("listeners", "PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://localhost:" + this.port);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("log.dirs", this.dataDirectory.toString());
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "3");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("transaction.state.log.num.partitions", "3");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.put("num.network.threads", "2");
		properties.put("num.io.threads", "4");
		properties.put("background.threads", "4");
		// The log cleaner allocates this buffer up front; the default (128 MB) would
		// weigh on a test JVM.
		properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
		properties.putAll(this.overrides);
		return properties;
	}

	private void formatIfNeeded(KafkaConfig config) {
		if (Files.exists(this.dataDirectory.resolve("meta.properties"))) {
			return;
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try {
			Files.createDirectories(this.dataDirectory);
			new Formatter().setClusterId(Uuid.randomUuid().toString())
				.setNodeId(NODE_ID)
				.setDirectories(List.of(this.dataDirectory.toString()))
				.setMetadataLogDirectory(config.metadataLogDir())
				.setControllerListenerName("CONTROLLER")
				.setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
				.run();
			logger.debug("{}", output.toString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format the Kafka data folder " + this.dataDirectory, ex);
		}
	}

	private void awaitReady() {
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		try (Admin admin = admin()) {
			while (true) {
				try {
					if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (Exception ex) {
					if (Instant.now().isAfter(deadline)) {
						throw new IllegalStateException("Kafka broker on port " + this.port + " did not become ready",
								ex);
					}
				}
				pause();
			}
		}
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				10_000));
	}

	private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> creation) {
		try {
			creation.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Could not create a topic", ex.getCause());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create a topic", ex);
		}
	}

	private static void shutdown(KafkaRaftServer server) {
		server.shutdown();
		server.awaitShutdown();
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the Kafka broker", ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			logger.warn("Could not delete {}", directory, ex);
		}
	}

}
