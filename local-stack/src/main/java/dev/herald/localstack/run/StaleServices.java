package dev.herald.localstack.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The services of this project that a local run left running when it ended without
 * stopping them: a process running one of the project's service jars whose parent is no
 * longer a JVM (its supervisor died, and it was handed to the system's init or another
 * reaper). Services of a run from before services watched their supervisor outlive it
 * this way, holding their ports; a new run stops them. A service whose parent is a live
 * JVM belongs to something still going (a local run, the bench, a test) and is left
 * alone.
 */
final class StaleServices {

	private StaleServices() {
	}

	/**
	 * Finds the stale services of a project.
	 * @param projectPath the project folder (absolute)
	 * @param apps the services a run starts
	 * @return the processes, each with the service it runs
	 */
	static List<Stale> find(Path projectPath, List<ServiceApp> apps) {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != ProcessHandle.current().pid())
			.flatMap((process) -> service(process, projectPath, apps).map((app) -> new Stale(process, app)).stream())
			.filter((stale) -> !supervised(stale.process()))
			.toList();
	}

	/**
	 * Stops stale services: asks each to stop, then ends those still running after the
	 * grace.
	 * @param stale the services
	 * @param grace how long each may take to stop by itself
	 */
	static void stop(List<Stale> stale, Duration grace) {
		stale.forEach((service) -> service.process().destroy());
		for (Stale service : stale) {
			try {
				service.process().onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				service.process().destroyForcibly();
			}
		}
	}

	private static Optional<String> service(ProcessHandle process, Path projectPath, List<ServiceApp> apps) {
		String[] arguments = process.info().arguments().orElse(new String[0]);
		for (int i = 0; i + 1 < arguments.length; i++) {
			if (arguments[i].equals("-jar")) {
				Path jar = Path.of(arguments[i + 1]).normalize();
				return apps.stream()
					.map(ServiceApp::name)
					.filter((name) -> isJarOf(jar, projectPath, name))
					.findFirst();
			}
		}
		return Optional.empty();
	}

	private static boolean isJarOf(Path jar, Path projectPath, String name) {
		String file = jar.getFileName().toString();
		return jar.isAbsolute() && jar.getParent().equals(projectPath.resolve(name).resolve("target"))
				&& file.startsWith(name + "-") && file.endsWith(".jar");
	}

	/** Whether the process's parent is a JVM: what started it still goes. */
	private static boolean supervised(ProcessHandle process) {
		return process.parent()
			.filter(ProcessHandle::isAlive)
			.flatMap((parent) -> parent.info().command())
			.map((command) -> Path.of(command).getFileName().toString())
			.filter((program) -> program.equals("java") || program.equals("java.exe"))
			.isPresent();
	}

	/**
	 * A stale service.
	 *
	 * @param process its process
	 * @param service the service it runs
	 */
	record Stale(ProcessHandle process, String service) {

		@Override
		public String toString() {
			return this.service + " (pid " + this.process.pid() + ")";
		}

	}

}
