package dev.herald.ingest.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Kafka's health ({@code kafka} in {@code /actuator/health}, part of readiness): up when
 * the cluster answers within a short timeout and the records topic exists.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator {

	private final Admin admin;

	private final String topic;

	private final Duration timeout;

	KafkaHealthIndicator(Admin admin, String topic, Duration timeout) {
		super("Kafka health check failed");
		this.admin = admin;
		this.topic = topic;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		int timeoutMs = (int) this.timeout.toMillis();
		DescribeClusterResult cluster = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
		String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
		TopicDescription topic = this.admin
			.describeTopics(List.of(this.topic), new DescribeTopicsOptions().timeoutMs(timeoutMs))
			.topicNameValues()
			.get(this.topic)
			.get(timeoutMs, TimeUnit.MILLISECONDS);
		builder.up()
			.withDetail("clusterId", clusterId)
			.withDetail("nodes", nodes)
			.withDetail("topic", this.topic)
			.withDetail("partitions", topic.partitions().size());
	}

}
