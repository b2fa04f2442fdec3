package dev.herald.localstack.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.herald.localstack.kafka.KafkaBroker;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Everything in Docker containers, started once per JVM: {@code apache/kafka},
 * {@code mongo} and Mailpit, at the versions {@code docker-compose.yml} uses.
 * <p>
 * Spring Boot stops container beans when a context closes; these containers ignore that
 * and stop only when the JVM ends, so that every cached context keeps using them.
 */
final class ContainersInfrastructure extends HeraldInfrastructure {

	static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

	static final String MONGO_IMAGE = "mongo:8.0.17";

	private static final Logger logger = LoggerFactory.getLogger(ContainersInfrastructure.class);

	private volatile boolean shuttingDown;

	private final SharedKafkaContainer kafka = new SharedKafkaContainer();

	private final SharedMongoContainer mongo = new SharedMongoContainer();

	private final SharedMailpitContainer mailpit = new SharedMailpitContainer();

	private ContainersInfrastructure() {
	}

	static ContainersInfrastructure start() {
		ContainersInfrastructure infrastructure = new ContainersInfrastructure();
		try {
			Startables.deepStart(infrastructure.kafka, infrastructure.mongo, infrastructure.mailpit).join();
			infrastructure.createTopic(KafkaBroker.RECORDS_TOPIC, KafkaBroker.RECORDS_TOPIC_PARTITIONS);
		}
		catch (RuntimeException ex) {
			infrastructure.shutdown();
			throw ex;
		}
		logger.info("Started {}", infrastructure);
		return infrastructure;
	}

	KafkaContainer kafkaContainer() {
		return this.kafka;
	}

	MongoDBContainer mongoContainer() {
		return this.mongo;
	}

	@Override
	public String kind() {
		return CONTAINERS;
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String mongoUri() {
		return this.mongo.getConnectionString();
	}

	@Override
	public String smtpHost() {
		return this.mailpit.getHost();
	}

	@Override
	public int smtpPort() {
		return this.mailpit.smtpPort();
	}

	@Override
	public void createTopic(String name, int partitions) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Could not create topic " + name, ex.getCause());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create topic " + name, ex);
		}
	}

	@Override
	public List<MimeMessage> receivedMessages() {
		return this.mailpit.receivedMessages();
	}

	@Override
	public void purgeMessages() {
		this.mailpit.deleteMessages();
	}

	@Override
	public boolean supportsOutages() {
		return false;
	}

	@Override
	public void stopKafka() {
		skipOutage();
	}

	@Override
	public void startKafka() {
		skipOutage();
	}

	@Override
	public void stopSmtp() {
		skipOutage();
	}

	@Override
	public void startSmtp() {
		skipOutage();
	}

	private static void skipOutage() {
		Assumptions.abort("Outage tests need the embedded infrastructure (-Dherald.infra=embedded)");
	}

	@Override
	void shutdown() {
		this.shuttingDown = true;
		this.mailpit.stop();
		this.mongo.stop();
		this.kafka.stop();
	}

	/**
	 * A Kafka container that outlives Spring contexts.
	 */
	final class SharedKafkaContainer extends KafkaContainer {

		SharedKafkaContainer() {
			super(KAFKA_IMAGE);
			withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
			withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "3");
		}

		@Override
		public void stop() {
			if (ContainersInfrastructure.this.shuttingDown) {
				super.stop();
			}
		}

	}

	/**
	 * A MongoDB container that outlives Spring contexts.
	 */
	final class SharedMongoContainer extends MongoDBContainer {

		SharedMongoContainer() {
			super(MONGO_IMAGE);
		}

		@Override
		public void stop() {
			if (ContainersInfrastructure.this.shuttingDown) {
				super.stop();
			}
		}

	}

	/**
	 * A Mailpit container that outlives Spring contexts.
	 */
	final class SharedMailpitContainer extends MailpitContainer {

		@Override
		public void stop() {
			if (ContainersInfrastructure.this.shuttingDown) {
				super.stop();
			}
		}

	}

}
