package dev.herald.notify.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Kafka is up when the cluster describes itself within a short timeout.
 */
@Component
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final KafkaAdmin admin;

	private AdminClient client;

	KafkaHealthIndicator(KafkaAdmin admin) {
		this.admin = admin;
	}

	@Override
	public Health health() {
		try {
			DescribeClusterResult cluster = client()
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
			String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
			return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down(ex).build();
		}
		catch (Exception ex) {
			return Health.down(ex).build();
		}
	}

	private synchronized AdminClient client() {
		if (this.client == null) {
			Map<String, Object> config = new HashMap<>(this.admin.getConfigurationProperties());
			config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
			config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
			this.client = AdminClient.create(config);
		}
		return this.client;
	}

	@Override
	public synchronized void destroy() {
		if (this.client != null) {
			this.client.close(Duration.ofSeconds(2));
		}
	}

}
