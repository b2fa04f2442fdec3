package dev.herald.localstack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.herald.localstack.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaBrokerTests {

	private static KafkaBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = KafkaBroker.temporary(0).start();
		broker.createTopics(Map.of("herald.test.extra", 2));
	}

	@AfterAll
	static void closeBroker() {
		broker.close();
	}

	@Test
	void sendWhenBrokerRunsShouldDeliverTheRecordToAConsumer() throws Exception {
		String topic = "round-trip-" + UUID.randomUUID();
		broker.createTopics(Map.of(topic, 1));
		String value = "hello " + UUID.randomUUID();
		send(topic, "key-1", value);
		assertThat(readAll(topic, 1)).extracting(ConsumerRecord::value).containsExactly(value);
	}

	@Test
	void controllerShouldNotListenOnTheClientPortWhenThatIsTheFreePortFound() {
		int clientPort = Ports.free();
		Iterator<Integer> found = List.of(clientPort, Ports.free()).iterator();
		List<Integer> handedOut = new ArrayList<>();
		try (KafkaBroker other = KafkaBroker.temporary(clientPort).freePorts(() -> {
			handedOut.add(found.next());
			return handedOut.get(handedOut.size() - 1);
		}).start()) {
			assertThat(handedOut).hasSize(2).first().isEqualTo(clientPort);
			String topic = "beside-" + UUID.randomUUID();
			other.createTopics(Map.of(topic, 1));
			assertThat(other.topicNames()).contains(topic, KafkaBroker.RECORDS_TOPIC);
		}
	}

	@Test
	void createTopicsShouldCreateTheRecordsTopicWithSixPartitions() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			Map<String, TopicDescription> topics = admin
				.describeTopics(List.of("herald.records.v1", "herald.test.extra"))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS);
			assertThat(topics.get("herald.records.v1").partitions()).hasSize(6);
			assertThat(topics.get("herald.test.extra").partitions()).hasSize(2);
		}
	}

	@Test
	void startAfterStopShouldServeEarlierRecordsOnTheSamePort() throws Exception {
		String topic = "restart-" + UUID.randomUUID();
		broker.createTopics(Map.of(topic, 1));
		send(topic, "before", "written before the restart");
		int port = broker.port();

		broker.stop();
		assertThat(broker.isRunning()).isFalse();
		broker.start();

		assertThat(broker.port()).isEqualTo(port);
		assertThat(readAll(topic, 1)).extracting(ConsumerRecord::value).containsExactly("written before the restart");
	}

	private static void send(String topic, String key, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
		}
	}

	private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
				return received.size() >= expected;
			});
		}
		return received;
	}

}
