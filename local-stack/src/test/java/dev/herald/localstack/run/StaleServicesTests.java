package dev.herald.localstack.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.herald.localstack.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link StaleServices}: a service of the project left running by a run whose
 * supervisor is gone is found by its jar and stopped, freeing its port; one that a live
 * JVM started, and another project's service, are not touched.
 */
class StaleServicesTests {

	@TempDir
	Path project;

	@TempDir
	Path otherProject;

	@Test
	void anOrphanedServiceOfTheProjectShouldBeFoundAndStoppedAndItsPortFreed() throws Exception {
		int port = Ports.free();
		long pid = FakeServiceJars.startOrphan(FakeServiceJars.write(this.project, "ingest-service", FakeService.class),
				port);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> !Ports.isFree(port));
			List<StaleServices.Stale> stale = StaleServices.find(this.project.toAbsolutePath().normalize(),
					List.of(new ServiceApp("ingest-service", port, List.of())));
			assertThat(stale).extracting((service) -> service.process().pid()).containsExactly(pid);
			assertThat(stale).extracting(StaleServices.Stale::service).containsExactly("ingest-service");

			StaleServices.stop(stale, Duration.ofSeconds(10));

			await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(pid).isEmpty() && Ports.isFree(port));
		}
		finally {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void aServiceOfTheProjectThatAJvmStartedShouldBeLeftAlone() throws Exception {
		int port = Ports.free();
		Path jar = FakeServiceJars.write(this.project, "ingest-service", FakeService.class);
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toAbsolutePath().toString(), Integer.toString(port))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> !Ports.isFree(port));
			assertThat(StaleServices.find(this.project.toAbsolutePath().normalize(),
					List.of(new ServiceApp("ingest-service", port, List.of()))))
				.isEmpty();
			assertThat(child.isAlive()).isTrue();
		}
		finally {
			child.destroyForcibly();
		}
	}

	@Test
	void anotherProjectsServiceShouldBeLeftAlone() throws Exception {
		int port = Ports.free();
		long pid = FakeServiceJars
			.startOrphan(FakeServiceJars.write(this.otherProject, "ingest-service", FakeService.class), port);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> !Ports.isFree(port));
			assertThat(StaleServices.find(this.project.toAbsolutePath().normalize(),
					List.of(new ServiceApp("ingest-service", port, List.of()))))
				.isEmpty();
			assertThat(ProcessHandle.of(pid)).isPresent();
		}
		finally {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

}
