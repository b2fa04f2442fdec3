package dev.herald.localstack.test;

import java.util.List;
import java.util.Map;

import dev.herald.localstack.kafka.KafkaBroker;
import dev.herald.localstack.mail.Inbox;
import dev.herald.localstack.mail.SmtpServer;
import dev.herald.localstack.mongo.MongoServerRunner;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything inside the test JVM: a real Kafka broker in a temporary folder, an in-memory
 * MongoDB-protocol server and GreenMail, each on a free port.
 */
final class EmbeddedInfrastructure extends HeraldInfrastructure {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

	private static final int TEST_INBOX_CAPACITY = 10_000;

	private final KafkaBroker kafka = KafkaBroker.temporary(0);

	private final MongoServerRunner mongo = MongoServerRunner.inMemory(0);

	// Room for a 5,000-email fan-out between two looks at the inbox.
	private final SmtpServer smtp = new SmtpServer(0, new Inbox(TEST_INBOX_CAPACITY));

	private EmbeddedInfrastructure() {
	}

	static EmbeddedInfrastructure start() {
		// A broker in trouble must fail the tests, not halt the test JVM.
		Exit.setExitProcedure((status, message) -> logger.error("Kafka asked to exit ({}): {}", status, message));
		Exit.setHaltProcedure((status, message) -> logger.error("Kafka asked to halt ({}): {}", status, message));
		EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
		try {
			infrastructure.kafka.start().createTopics(Map.of());
			infrastructure.mongo.start();
			infrastructure.smtp.start();
		}
		catch (RuntimeException ex) {
			infrastructure.shutdown();
			throw ex;
		}
		logger.info("Started {}", infrastructure);
		return infrastructure;
	}

	@Override
	public String kind() {
		return EMBEDDED;
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	@Override
	public String mongoUri() {
		return this.mongo.connectionString();
	}

	@Override
	public String smtpHost() {
		return this.smtp.host();
	}

	@Override
	public int smtpPort() {
		return this.smtp.port();
	}

	@Override
	public void createTopic(String name, int partitions) {
		this.kafka.createTopics(Map.of(name, partitions));
	}

	@Override
	public List<MimeMessage> receivedMessages() {
		return this.smtp.inbox().mimeMessages();
	}

	@Override
	public void purgeMessages() {
		this.smtp.inbox().clear();
	}

	@Override
	public boolean supportsOutages() {
		return true;
	}

	@Override
	public void stopKafka() {
		this.kafka.stop();
	}

	@Override
	public void startKafka() {
		this.kafka.start();
	}

	@Override
	public void stopSmtp() {
		this.smtp.stop();
	}

	@Override
	public void startSmtp() {
		this.smtp.start();
	}

	@Override
	void shutdown() {
		this.smtp.stop();
		this.mongo.stop();
		this.kafka.close();
	}

}
