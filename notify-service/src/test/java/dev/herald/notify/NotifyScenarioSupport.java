package dev.herald.notify;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.localstack.test.HeraldInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The wiring shared by integration tests that subscribe through the service's API,
 * publish records to the real broker and read the real SMTP server's mailbox.
 */
public abstract class NotifyScenarioSupport {

	protected final HeraldInfrastructure infra = HeraldInfrastructure.get();

	protected final Mailbox mailbox = new Mailbox(this.infra);

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected Taxonomy taxonomy;

	protected Subscribers subscribers;

	protected RecordsTopic records;

	@BeforeEach
	void connect() {
		this.subscribers = new Subscribers(this.mvc, this.mailbox, this.mongo, this.taxonomy);
		this.records = new RecordsTopic(this.infra);
	}

	@AfterEach
	void disconnect() {
		this.records.close();
	}

}
