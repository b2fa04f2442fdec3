package dev.herald.platform.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A process watching its supervisor ends when the supervisor is killed outright, halted
 * when its graceful shutdown hangs.
 */
class SupervisorWatchTests {

	@Test
	void aChildShouldEndWhenItsSupervisorIsKilledOutrightEvenIfItsShutdownHangs() throws Exception {
		Process supervisor = new ProcessBuilder("sleep", "600").start();
		ProcessBuilder watched = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), SupervisedChild.class.getName())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		watched.environment().put(SupervisorWatch.SUPERVISOR_PID, Long.toString(supervisor.pid()));
		Process child = watched.start();
		try {
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(child::isAlive);

			supervisor.destroyForcibly().waitFor();

			await().atMost(Duration.ofSeconds(30)).until(() -> !child.isAlive());
			assertThat(child.exitValue()).isEqualTo(SupervisorWatch.ORPHANED);
		}
		finally {
			supervisor.destroyForcibly();
			child.destroyForcibly();
		}
	}

	@Test
	void noSupervisorOrNoPidShouldWatchNothing() {
		assertThat(SupervisorWatch.watch(null, () -> {
			throw new AssertionError("ended");
		})).isFalse();
		assertThat(SupervisorWatch.watch("not-a-pid", () -> {
			throw new AssertionError("ended");
		})).isFalse();
	}

	/**
	 * A stand-in for a service: watches the supervisor named in its environment and
	 * waits.
	 */
	public static final class SupervisedChild {

		private SupervisedChild() {
		}

		public static void main(String[] args) throws InterruptedException {
			// A shutdown that never ends, as one waiting on servers that are gone.
			CountDownLatch never = new CountDownLatch(1);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					never.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			SupervisorWatch.watch(System.getenv(SupervisorWatch.SUPERVISOR_PID),
					SupervisorWatch.exit(Duration.ofSeconds(2)));
			never.await();
		}

	}

}
