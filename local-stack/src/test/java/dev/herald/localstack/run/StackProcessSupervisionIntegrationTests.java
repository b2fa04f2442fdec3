package dev.herald.localstack.run;

import java.nio.file.Path;
import java.time.Duration;

import dev.herald.localstack.LocalStackApplication;
import dev.herald.localstack.Ports;
import dev.herald.platform.process.SupervisorWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server of the local stack in a process of its own, as the bench and the end-to-end
 * tests start Kafka and the MongoDB-protocol server, ends with the process that started
 * it, however that one ends: it frees its ports instead of living on as an orphan.
 */
class StackProcessSupervisionIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void aServerProcessShouldEndAndFreeItsPortWhenItsSupervisorIsKilledOutright() throws Exception {
		Process supervisor = new ProcessBuilder("sleep", "600").start();
		int smtpPort = Ports.free();
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), LocalStackApplication.class.getName(),
				"--herald.run.services=false", "--herald.run.components=smtp", "--herald.run.smtp-port=" + smtpPort,
				"--herald.run.inbox-port=" + Ports.free(), "--herald.run.data-directory=" + this.directory)
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("stack.log").toFile());
		builder.environment().put(SupervisorWatch.SUPERVISOR_PID, Long.toString(supervisor.pid()));
		Process stack = builder.start();
		try {
			await().atMost(Duration.ofSeconds(90)).until(() -> !stack.isAlive() || !Ports.isFree(smtpPort));
			assertThat(stack.isAlive()).as("the SMTP server started").isTrue();

			supervisor.destroyForcibly().waitFor();

			await().atMost(Duration.ofSeconds(30)).until(() -> !stack.isAlive());
			assertThat(stack.exitValue()).isEqualTo(SupervisorWatch.ORPHANED);
			assertThat(Ports.isFree(smtpPort)).isTrue();
		}
		finally {
			supervisor.destroyForcibly();
			stack.destroyForcibly();
		}
	}

}
