package dev.herald.platform.process;

import java.time.Duration;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ends a service whose supervisor is gone. A process started by a supervisor (the local
 * run, the end-to-end tests) is told its supervisor's pid in {@value #SUPERVISOR_PID};
 * when that process ends, however it ends (SIGKILL, an out-of-memory kill, a halted JVM),
 * the service stops too instead of living on as an orphan that holds its port.
 */
public class SupervisorWatch implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The environment variable naming the supervisor's pid. */
	public static final String SUPERVISOR_PID = "HERALD_SUPERVISOR_PID";

	/** The exit status of a service that outlived its supervisor. */
	public static final int ORPHANED = 3;

	private static final Log logger = LogFactory.getLog(SupervisorWatch.class);

	private static volatile boolean watching;

	/**
	 * How long an orphaned service may take to shut down gracefully: the servers it used
	 * often went down with the supervisor, and waiting on them is pointless.
	 */
	static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		watch(System.getenv(SUPERVISOR_PID), exit(SHUTDOWN_GRACE));
	}

	/**
	 * Exits the JVM: gracefully, but halted if the shutdown takes longer than the grace.
	 * @param grace how long the shutdown may take
	 * @return what ends the JVM
	 */
	static Runnable exit(Duration grace) {
		return () -> {
			Thread halt = new Thread(() -> {
				try {
					Thread.sleep(grace.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				Runtime.getRuntime().halt(ORPHANED);
			}, "supervisor-watch-halt");
			halt.setDaemon(true);
			halt.start();
			System.exit(ORPHANED);
		};
	}

	/**
	 * Watches the process of a pid, once per JVM.
	 * @param pid the supervisor's pid, or {@code null} when there is none
	 * @param orphaned what to do when it is gone
	 * @return whether a watch started
	 */
	static synchronized boolean watch(String pid, Runnable orphaned) {
		if (watching || pid == null || pid.isBlank()) {
			return false;
		}
		Optional<ProcessHandle> supervisor;
		try {
			supervisor = ProcessHandle.of(Long.parseLong(pid.strip()));
		}
		catch (NumberFormatException ex) {
			logger.warn(SUPERVISOR_PID + " is not a pid: " + pid);
			return false;
		}
		watching = true;
		Runnable end = () -> {
			logger.warn("The supervisor (pid " + pid.strip() + ") is gone; stopping");
			orphaned.run();
		};
		if (supervisor.isEmpty() || !supervisor.get().isAlive()) {
			end.run();
		}
		else {
			supervisor.get().onExit().thenRun(end);
		}
		return true;
	}

}
