package dev.herald.localstack.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.herald.localstack.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceProcessTests {

	@TempDir
	Path directory;

	@Test
	void awaitReadyWhenHealthSaysUpShouldReturnAndStopShouldLeaveNoProcess() throws IOException {
		int port = Ports.free();
		ServiceProcess service = fakeService(String.valueOf(port))
			.healthUrl("http://localhost:" + port + "/actuator/health")
			.build();

		service.start().awaitReady(Duration.ofSeconds(60));
		long pid = service.pid();
		assertThat(service.isReady()).isTrue();
		service.stop();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(service.isAlive()).isFalse();
		assertThat(Files.readString(service.logFile())).contains("fake service listening on " + port);
	}

	@Test
	void startAfterKillShouldRunTheProcessAgainOnTheSamePort() {
		int port = Ports.free();
		try (ServiceProcess service = fakeService(String.valueOf(port)).readyWhenListening(port).build()) {
			service.start().awaitReady(Duration.ofSeconds(60));
			long firstPid = service.pid();

			service.kill();
			assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
			assertThat(service.exitCode()).isPresent();

			service.start().awaitReady(Duration.ofSeconds(60));
			assertThat(service.pid()).isNotEqualTo(firstPid);
			assertThat(service.isReady()).isTrue();
		}
	}

	@Test
	void awaitReadyWhenProcessExitsShouldNameTheProcessAndItsLog() {
		ServiceProcess service = fakeService("exit=3").healthUrl("http://localhost:1/actuator/health").build();

		service.start();

		assertThatExceptionOfType(ServiceProcessException.class)
			.isThrownBy(() -> service.awaitReady(Duration.ofSeconds(60)))
			.withMessageContaining("exited with code 3 before it was ready")
			.withMessageContaining("fake-service (pid " + service.pid() + ")")
			.withMessageContaining(service.logFile().toString())
			.withMessageContaining("its last lines:\n  failing on purpose");
	}

	@Test
	void exitCodesOfSignalsShouldNameTheSignal() {
		assertThat(ServiceProcess.describeExit(137)).startsWith("137 (SIGKILL");
		assertThat(ServiceProcess.describeExit(3)).isEqualTo("3");
	}

	@Test
	void awaitReadyWhenLogLineAppearsShouldReturn() {
		int port = Ports.free();
		try (ServiceProcess service = fakeService(String.valueOf(port)).readyWhenLogContains("listening on " + port)
			.build()) {
			service.start().awaitReady(Duration.ofSeconds(60));
			assertThat(service.isAlive()).isTrue();
		}
	}

	@Test
	void findJarShouldSkipJarsWithAClassifier() throws IOException {
		Path module = Files.createDirectories(this.directory.resolve("ingest-service/target"));
		for (String name : List.of("ingest-service-0.1.0-SNAPSHOT-plain.jar", "ingest-service-0.1.0-SNAPSHOT.jar",
				"ingest-service-0.1.0-SNAPSHOT-exec.jar", "ingest-service-0.1.0-SNAPSHOT-sources.jar")) {
			Files.createFile(module.resolve(name));
		}

		Path jar = ServiceProcess.findJar(this.directory.resolve("ingest-service"));

		assertThat(jar.getFileName()).hasToString("ingest-service-0.1.0-SNAPSHOT.jar");
	}

	@Test
	void findJarWhenNotBuiltShouldSayHowToBuildIt() {
		assertThatExceptionOfType(ServiceProcessException.class)
			.isThrownBy(() -> ServiceProcess.findJar(this.directory.resolve("notify-service")))
			.withMessageContaining("No notify-service jar")
			.withMessageContaining("./mvnw -DskipTests package");
	}

	private ServiceProcess.Builder fakeService(String argument) {
		return ServiceProcess
			.command("fake-service",
					List.of(ServiceProcess.Builder.javaExecutable(), "-cp", System.getProperty("java.class.path"),
							FakeService.class.getName(), argument))
			.logFile(this.directory.resolve("logs/fake-service.log"))
			.gracePeriod(Duration.ofSeconds(10));
	}

}
