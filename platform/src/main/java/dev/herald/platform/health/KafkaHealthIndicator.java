package dev.herald.platform.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka's health ({@code kafka}, part of readiness): up when the cluster describes itself
 * within the timeout and each topic the service cannot work without exists. Spring Boot
 * has no Kafka health indicator of its own. The admin client is the indicator's own,
 * created at the first check with the timeout as its request timeout.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Map<String, Object> config;

	private final Duration timeout;

	private final List<String> topics;

	private Admin client;

	/**
	 * An indicator that asks the cluster of a {@link KafkaAdmin}.
	 * @param admin the service's Kafka admin, whose connection settings are used
	 * @param clientId the client id the checks identify themselves with
	 * @param timeout how long a check waits for the cluster
	 * @param topics topics that must exist
	 */
	public KafkaHealthIndicator(KafkaAdmin admin, String clientId, Duration timeout, List<String> topics) {
		super("Kafka health check failed");
		Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		this.config = config;
		this.timeout = timeout;
		this.topics = List.copyOf(topics);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		int timeoutMs = (int) this.timeout.toMillis();
		Admin admin = client();
		DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
		builder.up()
			.withDetail("clusterId", cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS))
			.withDetail("nodes", cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size());
		if (!this.topics.isEmpty()) {
			Map<String, TopicDescription> described = admin
				.describeTopics(this.topics, new DescribeTopicsOptions().timeoutMs(timeoutMs))
				.allTopicNames()
				.get(timeoutMs, TimeUnit.MILLISECONDS);
			Map<String, Integer> partitions = new HashMap<>();
			described.forEach((name, topic) -> partitions.put(name, topic.partitions().size()));
			builder.withDetail("partitions", partitions);
		}
	}

	private synchronized Admin client() {
		if (this.client == null) {
			this.client = Admin.create(this.config);
		}
		return this.client;
	}

	@Override
	public synchronized void destroy() {
		if (this.client != null) {
			this.client.close(this.timeout);
		}
	}

}
