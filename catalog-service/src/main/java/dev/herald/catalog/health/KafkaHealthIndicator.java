package dev.herald.catalog.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.herald.catalog.CatalogProperties;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Kafka's health: the cluster answers a describe-cluster request within the configured
 * timeout. Spring Boot has no Kafka health indicator of its own.
 */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final KafkaAdmin admin;

	private final Duration timeout;

	private volatile AdminClient client;

	KafkaHealthIndicator(KafkaAdmin admin, CatalogProperties properties) {
		super("Kafka health check failed");
		this.admin = admin;
		this.timeout = properties.healthTimeout();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = client()
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
	}

	private AdminClient client() {
		AdminClient current = this.client;
		if (current == null) {
			synchronized (this) {
				if (this.client == null) {
					this.client = AdminClient.create(this.admin.getConfigurationProperties());
				}
				current = this.client;
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		AdminClient current = this.client;
		if (current != null) {
			current.close(Duration.ofSeconds(1));
		}
	}

}
