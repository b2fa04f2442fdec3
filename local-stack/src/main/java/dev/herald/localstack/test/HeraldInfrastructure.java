package dev.herald.localstack.test;

import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import org.springframework.boot.SpringApplication;

/**
 * The Kafka broker, MongoDB server and SMTP server that integration tests run against:
 * one set per test JVM, started on first use, shared by every test class and Spring
 * context, and stopped when the JVM exits (after Spring Boot has closed its contexts).
 * <p>
 * Which kind is chosen by the system property {@code herald.infra}: {@code embedded} (a
 * real Kafka broker, a MongoDB-protocol server and GreenMail, all in this JVM),
 * {@code containers} (Testcontainers: {@code apache/kafka}, {@code mongo}, Mailpit), or
 * absent: containers when Docker is available, embedded otherwise. When containers are
 * asked for and Docker is missing, the tests are skipped, not failed.
 * <p>
 * Spring Boot tests get the connection properties with
 * {@link EnableHeraldInfrastructure @EnableHeraldInfrastructure}; plain tests call
 * {@link #get()}.
 */
public abstract class HeraldInfrastructure {

	/** The system property that chooses the kind. */
	public static final String KIND_PROPERTY = "herald.infra";

	/** The kind running everything inside the test JVM. */
	public static final String EMBEDDED = "embedded";

	/** The kind running everything in Docker containers. */
	public static final String CONTAINERS = "containers";

	private static HeraldInfrastructure instance;

	private static Boolean dockerAvailable;

	HeraldInfrastructure() {
	}

	/**
	 * The infrastructure of this JVM, started on the first call.
	 * @return the running infrastructure
	 * @throws org.opentest4j.TestAbortedException when containers are asked for and
	 * Docker is not available
	 */
	public static synchronized HeraldInfrastructure get() {
		if (instance == null) {
			Assumptions.assumeFalse(containersRequestedWithoutDocker(),
					"herald.infra=containers, but Docker is not available");
			HeraldInfrastructure started = CONTAINERS.equals(chosenKind()) ? ContainersInfrastructure.start()
					: EmbeddedInfrastructure.start();
			// Runs at JVM exit after Spring Boot has closed every application context, so
			// that
			// no listener is left talking to a broker that is gone.
			SpringApplication.getShutdownHandlers().add(started::shutdown);
			instance = started;
		}
		return instance;
	}

	/**
	 * Which kind {@link #get()} starts, judging by {@value #KIND_PROPERTY} and Docker.
	 * @return {@value #EMBEDDED} or {@value #CONTAINERS}
	 */
	public static String chosenKind() {
		String requested = System.getProperty(KIND_PROPERTY, "").trim().toLowerCase(Locale.ROOT);
		return switch (requested) {
			case EMBEDDED, CONTAINERS -> requested;
			case "" -> isDockerAvailable() ? CONTAINERS : EMBEDDED;
			default -> throw new IllegalArgumentException(
					"System property " + KIND_PROPERTY + " must be embedded or containers, not '" + requested + "'");
		};
	}

	static boolean containersRequestedWithoutDocker() {
		return CONTAINERS.equals(chosenKind()) && !isDockerAvailable();
	}

	static synchronized boolean isDockerAvailable() {
		if (dockerAvailable == null) {
			dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
		}
		return dockerAvailable;
	}

	/**
	 * The kind running.
	 * @return {@value #EMBEDDED} or {@value #CONTAINERS}
	 */
	public abstract String kind();

	/**
	 * The value for {@code spring.kafka.bootstrap-servers}.
	 * @return {@code host:port}
	 */
	public abstract String kafkaBootstrapServers();

	/**
	 * The value for {@code spring.mongodb.uri}, without a database name (each service
	 * sets {@code spring.mongodb.database}).
	 * @return {@code mongodb://host:port}
	 */
	public abstract String mongoUri();

	/**
	 * The value for {@code spring.mail.host}.
	 * @return the SMTP host
	 */
	public abstract String smtpHost();

	/**
	 * The value for {@code spring.mail.port}.
	 * @return the SMTP port
	 */
	public abstract int smtpPort();

	/**
	 * Creates a topic unless it exists ({@code herald.records.v1} with 6 partitions
	 * exists from the start).
	 * @param name the topic
	 * @param partitions its partition count
	 */
	public abstract void createTopic(String name, int partitions);

	/**
	 * Every email received since the start or the last {@link #purgeMessages()}, oldest
	 * first.
	 * @return the emails as Jakarta Mail messages
	 */
	public abstract List<MimeMessage> receivedMessages();

	/**
	 * Forgets every received email.
	 */
	public abstract void purgeMessages();

	/**
	 * Whether Kafka and SMTP can be stopped and started again on the same port.
	 * @return {@code true} for the embedded kind
	 */
	public abstract boolean supportsOutages();

	/**
	 * Stops the Kafka broker, keeping its data and port; skips the calling test where
	 * {@link #supportsOutages()} is false.
	 */
	public abstract void stopKafka();

	/**
	 * Starts the Kafka broker again on the same port, with the data it had; skips the
	 * calling test where {@link #supportsOutages()} is false.
	 */
	public abstract void startKafka();

	/**
	 * Stops the SMTP server; skips the calling test where {@link #supportsOutages()} is
	 * false.
	 */
	public abstract void stopSmtp();

	/**
	 * Starts the SMTP server again on the same port; skips the calling test where
	 * {@link #supportsOutages()} is false.
	 */
	public abstract void startSmtp();

	abstract void shutdown();

	@Override
	public String toString() {
		return kind() + " infrastructure: Kafka " + kafkaBootstrapServers() + ", MongoDB " + mongoUri() + ", SMTP "
				+ smtpHost() + ":" + smtpPort();
	}

}
