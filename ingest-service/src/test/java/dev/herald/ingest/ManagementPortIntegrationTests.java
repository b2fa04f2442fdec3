package dev.herald.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.herald.localstack.test.EnableHeraldInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the local profile, actuator runs on a port of its own: nothing of it on the
 * public port, metrics and Prometheus on the management port, and health details only to
 * a caller with the management key. (The other tests run in the local profile, where
 * actuator shares the public port.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=", "management.server.port=0",
				"herald.management.key-sha256=" + ManagementPortIntegrationTests.KEY_SHA256,
				// Outside the local profile, the published development key is refused.
				"herald.ingest.api-keys[0].name=test-operator",
				"herald.ingest.api-keys[0].sha256=" + ManagementPortIntegrationTests.KEY_SHA256 })
@EnableHeraldInfrastructure
class ManagementPortIntegrationTests {

	/** SHA-256 of {@code test-management-key}. */
	static final String KEY_SHA256 = "bd3606ad437c79bf692b8949ef0a18047c3d40335e529eb4eba98a402adf246e";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void actuatorShouldNotAnswerOnThePublicPort() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/health" }) {
			assertThat(get(this.port, path, null).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void prometheusAndMetricsShouldAnswerOnTheManagementPort() throws Exception {
		HttpResponse<String> prometheus = get(this.managementPort, "/actuator/prometheus", null);
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
		assertThat(get(this.managementPort, "/actuator/metrics", null).statusCode()).isEqualTo(200);
	}

	@Test
	void healthDetailsShouldGoOnlyToACallerWithTheManagementKey() throws Exception {
		HttpResponse<String> anonymous = get(this.managementPort, "/actuator/health/readiness", null);
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("kafka", "clusterId");
		HttpResponse<String> forged = get(this.managementPort, "/actuator/health/readiness", "Bearer not-the-key");
		assertThat(forged.body()).doesNotContain("kafka");

		HttpResponse<String> operator = get(this.managementPort, "/actuator/health/readiness",
				"Bearer test-management-key");
		assertThat(operator.statusCode()).isEqualTo(200);
		assertThat(operator.body()).contains("\"kafka\"", "clusterId");
	}

	private HttpResponse<String> get(int port, String path, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
