package dev.herald.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.herald.localstack.Ports;
import dev.herald.localstack.run.ServiceProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started from its jar outside the local profile, with the development secrets
 * its configuration defaults to, exits at once and names the settings to provide: before
 * it connects to anything, so no broker or database is needed here.
 */
class DevelopmentSecretsE2ETests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@CsvSource({ "ingest-service, HERALD_INGEST_API_KEYS_0_SHA256",
			"notify-service, HERALD_NOTIFY_TOKEN_SECRET; HERALD_NOTIFY_ADMIN_KEY_SHA256",
			"catalog-service, HERALD_MANAGEMENT_KEY_SHA256" })
	void aServiceOutsideTheLocalProfileShouldRefuseThePublishedSecretsNamingEachSetting(String module, String settings)
			throws IOException {
		Path log = this.directory.resolve(module + ".log");
		ServiceProcess service = ServiceProcess
			.jar(module, ServiceProcess.findJar(HeraldSystem.findProjectRoot().resolve(module)))
			.javaOptions("-Xmx256m", "-XX:TieredStopAtLevel=1")
			.environment("SPRING_PROFILES_ACTIVE", "production")
			.environment("SERVER_PORT", Integer.toString(Ports.free()))
			.environment("MANAGEMENT_SERVER_PORT", Integer.toString(Ports.free()))
			// The development management key, as compose defaults to it.
			.environment("HERALD_MANAGEMENT_KEY_SHA256",
					"a026e2b42e9e8c24a518e1366b0ca7fd386f9f75d5e55731238c047774e23103")
			.logFile(log)
			.build();
		try (service) {
			service.start();
			Optional<Integer> exit = service.awaitExit(Duration.ofMinutes(2));
			String output = Files.readString(log, StandardCharsets.UTF_8);
			System.out.printf("%s outside the local profile: exit %s%n", module, exit.orElse(null));
			assertThat(exit).as(output).isPresent().get().isNotEqualTo(0);
			assertThat(output).contains("APPLICATION FAILED TO START");
			for (String setting : settings.split(";")) {
				assertThat(output).contains("environment variable " + setting.strip());
			}
			assertThat(output).doesNotContain("Tomcat started");
		}
	}

}
