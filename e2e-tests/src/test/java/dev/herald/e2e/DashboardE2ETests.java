package dev.herald.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard of the compose stack ({@code observability/grafana/herald.json})
 * is valid JSON, and every metric its panels query is one the running services export on
 * {@code /actuator/prometheus}: a renamed metric fails here, not on an operator's empty
 * panel.
 */
@ExtendWith(HeraldSystemExtension.class)
class DashboardE2ETests {

	private static final Pattern METRIC = Pattern.compile("\\b((?:herald|kafka)_[a-z0-9_]+)");

	@Test
	void everyPanelShouldQueryMetricsTheServicesExport(HeraldSystem system) throws IOException {
		JsonNode dashboard = Http
			.json(Files.readString(system.projectRoot().resolve("observability/grafana/herald.json")));
		assertThat(dashboard.get("panels")).as("panels").isNotEmpty();
		Set<String> queried = new TreeSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			assertThat(panel.get("targets")).as("queries of %s", panel.get("title")).isNotEmpty();
			for (JsonNode target : panel.get("targets")) {
				Matcher metric = METRIC.matcher(target.get("expr").asString());
				assertThat(metric.find()).as("a metric in %s", target.get("expr")).isTrue();
				do {
					queried.add(metric.group(1));
				}
				while (metric.find());
			}
		}

		// Meters registered on first use: a published record and a refused one.
		String title = "Dashboard check " + UUID.randomUUID();
		assertThat(Http.postAsOperator(system.ingestUrl() + "/api/v1/records", Records.aboutPeacekeeping("CSTO", title))
			.status()).isEqualTo(202);
		assertThat(Http.postAsOperator(system.ingestUrl() + "/api/v1/records", Map.of("kind", "MEETING")).status())
			.isEqualTo(400);
		Set<String> exported = new TreeSet<>();
		for (String service : new String[] { system.ingestUrl(), system.catalogUrl(), system.notifyUrl() }) {
			Http.Response prometheus = Http.get(service + "/actuator/prometheus");
			assertThat(prometheus.status()).as(service).isEqualTo(200);
			prometheus.body()
				.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.split("[{ ]", 2)[0])
				.forEach(exported::add);
		}
		assertThat(exported).as("metrics exported by the three services").containsAll(queried);
	}

}
