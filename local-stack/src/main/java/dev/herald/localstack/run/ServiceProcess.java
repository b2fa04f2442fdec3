package dev.herald.localstack.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.herald.platform.process.SupervisorWatch;

/**
 * A child process supervised from Java: typically a service started with
 * {@code java -jar}, its output appended to a log file, judged ready by its health URL,
 * and stopped gracefully (SIGTERM, then SIGKILL after a grace period) or killed outright.
 * <p>
 * A stopped or killed process can be started again with the same command, environment and
 * log file. {@link #close()} stops it, so try-with-resources leaves nothing behind.
 *
 * <pre class="code">
 * ServiceProcess ingest = ServiceProcess.jar("ingest-service", ServiceProcess.findJar(Path.of("ingest-service")))
 * 	.environment("SERVER_PORT", "8081")
 * 	.logFile(Path.of(".herald/logs/ingest-service.log"))
 * 	.healthUrl("http://localhost:8081/actuator/health")
 * 	.build()
 * 	.start();
 * ingest.awaitReady(Duration.ofSeconds(120));
 * ingest.kill(); // like kill -9
 * ingest.start().awaitReady(Duration.ofSeconds(120));
 * ingest.stop();
 * </pre>
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

	/**
	 * How long {@link #kill()} waits for the process to be gone: a loaded machine may
	 * take a while to tear a JVM down.
	 */
	private static final Duration KILL_TIMEOUT = Duration.ofMinutes(2);

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path workingDirectory;

	private final ProcessLog log;

	private final Readiness readiness;

	private final Duration gracePeriod;

	private Process process;

	private ServiceProcess(Builder builder) {
		this.name = builder.name;
		this.command = List.copyOf(builder.command());
		this.environment = Map.copyOf(builder.environment);
		this.workingDirectory = builder.workingDirectory;
		this.log = new ProcessLog(builder.logFile);
		this.readiness = builder.readiness;
		this.gracePeriod = builder.gracePeriod;
	}

	/**
	 * A process running {@code java [options] -jar <jar> [args]} with the JVM that runs
	 * this code.
	 * @param name a name for messages, such as {@code ingest-service}
	 * @param jar the executable jar
	 * @return a builder
	 */
	public static Builder jar(String name, Path jar) {
		return new Builder(name, jar, List.of());
	}

	/**
	 * A process running an arbitrary command.
	 * @param name a name for messages
	 * @param command the program and its arguments
	 * @return a builder
	 */
	public static Builder command(String name, List<String> command) {
		return new Builder(name, null, command);
	}

	/**
	 * The executable jar a Maven module built: {@code <module>/target/<module>-*.jar}
	 * without a classifier such as {@code -plain}, {@code -exec}, {@code -sources}.
	 * @param moduleDirectory the module's folder, named after its artifact
	 * @return the jar
	 * @throws ServiceProcessException when there is none
	 */
	public static Path findJar(Path moduleDirectory) {
		String artifact = moduleDirectory.toAbsolutePath().normalize().getFileName().toString();
		Path target = moduleDirectory.resolve("target");
		Pattern jarName = Pattern.compile(Pattern.quote(artifact) + "-\\d[^-]*(-SNAPSHOT)?\\.jar");
		if (Files.isDirectory(target)) {
			try (Stream<Path> files = Files.list(target)) {
				Optional<Path> jar = files.filter((file) -> jarName.matcher(file.getFileName().toString()).matches())
					.max(Path::compareTo);
				if (jar.isPresent()) {
					return jar.get();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		throw new ServiceProcessException("No " + artifact + " jar in " + target
				+ "; build it first with ./mvnw -DskipTests package from the project folder");
	}

	/**
	 * Launches the process unless it runs already; its output is appended to the log
	 * file.
	 * @return this process
	 */
	public synchronized ServiceProcess start() {
		if (isAlive()) {
			return this;
		}
		try {
			this.log.markStart();
			ProcessBuilder builder = new ProcessBuilder(this.command).directory(this.workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.file().toFile()));
			builder.environment().putAll(this.environment);
			// A service ends when this process does, however it ends (see the platform's
			// SupervisorWatch).
			builder.environment().put(SupervisorWatch.SUPERVISOR_PID, Long.toString(ProcessHandle.current().pid()));
			this.process = builder.start();
			this.process.getOutputStream().close();
			return this;
		}
		catch (IOException ex) {
			throw new ServiceProcessException("Could not start " + this.name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Waits until the process is ready (health URL says UP, port open, or log line
	 * written, as configured).
	 * @param timeout how long to wait at most
	 * @return this process
	 * @throws ServiceProcessException when the process exits first or the time is up,
	 * naming the log file
	 */
	public ServiceProcess awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (!isReady()) {
			Process current = current();
			if (current == null || !current.isAlive()) {
				String exit = (current != null) ? " with code " + describeExit(current.exitValue()) : "";
				throw new ServiceProcessException(this.name + " (pid " + ((current != null) ? current.pid() : "none")
						+ ") exited" + exit + " before it was ready" + ProcessLog.memoryAvailable() + "; see its log: "
						+ this.log.file() + this.log.tail());
			}
			if (Instant.now().isAfter(deadline)) {
				throw new ServiceProcessException(this.name + " was not ready (" + this.readiness.description()
						+ ") within " + timeout.toSeconds() + " s; see its log: " + this.log.file() + this.log.tail());
			}
			sleep(PROBE_INTERVAL);
		}
		return this;
	}

	/**
	 * Waits until the process exits by itself.
	 * @param timeout how long to wait at most
	 * @return the exit code, or empty when it still runs after the timeout
	 */
	public Optional<Integer> awaitExit(Duration timeout) {
		Process current = current();
		if (current == null) {
			throw new IllegalStateException(this.name + " was never started");
		}
		// The Process itself, not its handle: once its waitFor returns, its exit value is
		// there, whereas the handle's onExit can complete while isAlive() still says
		// true.
		try {
			if (current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return Optional.of(current.exitValue());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return exitCode();
	}

	/**
	 * Checks readiness once.
	 * @return whether the process is alive and ready now
	 */
	public boolean isReady() {
		return isAlive() && this.readiness.test(this.log);
	}

	/**
	 * Stops the process gracefully: SIGTERM to it and its descendants, then SIGKILL to
	 * whatever is left after the grace period. Does nothing when it is not running.
	 */
	public void stop() {
		Process current = current();
		if (current == null) {
			return;
		}
		List<ProcessHandle> descendants = current.descendants().toList();
		current.destroy();
		descendants.forEach(ProcessHandle::destroy);
		if (!waitFor(current.toHandle(), this.gracePeriod)) {
			kill();
			return;
		}
		descendants.forEach((child) -> {
			if (!waitFor(child, this.gracePeriod)) {
				child.destroyForcibly();
			}
		});
	}

	/**
	 * Kills the process and its descendants at once, like {@code kill -9}, and waits
	 * until they are gone, so that a {@link #start()} that follows starts a new process.
	 * @throws ServiceProcessException when the process still runs after
	 * {@link #KILL_TIMEOUT}
	 */
	public void kill() {
		Process current = current();
		if (current == null) {
			return;
		}
		List<ProcessHandle> descendants = current.descendants().toList();
		current.destroyForcibly();
		descendants.forEach(ProcessHandle::destroyForcibly);
		if (!waitFor(current.toHandle(), KILL_TIMEOUT)) {
			throw new ServiceProcessException(this.name + " (pid " + current.pid() + ") still runs "
					+ KILL_TIMEOUT.toSeconds() + " s after SIGKILL");
		}
		descendants.forEach((child) -> waitFor(child, KILL_TIMEOUT));
	}

	/**
	 * Stops the process gracefully.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Whether the process runs.
	 * @return {@code true} when it was started and has not exited
	 */
	public boolean isAlive() {
		Process current = current();
		return current != null && current.isAlive();
	}

	/**
	 * The operating system's id of the running or last process.
	 * @return the pid
	 * @throws IllegalStateException when it was never started
	 */
	public long pid() {
		Process current = current();
		if (current == null) {
			throw new IllegalStateException(this.name + " was never started");
		}
		return current.pid();
	}

	/**
	 * The exit code of the last process, once it has exited.
	 * @return the exit code, or empty while it runs or before it started
	 */
	public Optional<Integer> exitCode() {
		Process current = current();
		return (current != null && !current.isAlive()) ? Optional.of(current.exitValue()) : Optional.empty();
	}

	/**
	 * The name used in messages.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Where the output goes.
	 * @return the log file
	 */
	public Path logFile() {
		return this.log.file();
	}

	/**
	 * The command line.
	 * @return the program and its arguments
	 */
	public List<String> command() {
		return this.command;
	}

	@Override
	public String toString() {
		return this.name + " (log " + this.log.file() + ")";
	}

	private synchronized Process current() {
		return this.process;
	}

	/**
	 * An exit code as a person reads it: above 128, the signal that ended the process.
	 * @param code the exit code
	 * @return the code, with the signal's name where there is one
	 */
	static String describeExit(int code) {
		return switch (code) {
			case 137 -> "137 (SIGKILL: killed outright, by this supervisor or the kernel's out-of-memory killer)";
			case 143 -> "143 (SIGTERM)";
			case 134 -> "134 (SIGABRT: the JVM aborted, look for an hs_err file)";
			default -> Integer.toString(code);
		};
	}

	private static boolean waitFor(ProcessHandle handle, Duration timeout) {
		try {
			handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !handle.isAlive();
		}
		catch (Exception ex) {
			return !handle.isAlive();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServiceProcessException("Interrupted while waiting for a process", ex);
		}
	}

	/**
	 * Builds a {@link ServiceProcess}.
	 */
	public static final class Builder {

		private final String name;

		private final Path jar;

		private final List<String> plainCommand;

		private final List<String> javaOptions = new ArrayList<>();

		private final List<String> arguments = new ArrayList<>();

		private final Map<String, String> environment = new LinkedHashMap<>();

		private Path workingDirectory = Path.of(".");

		private Path logFile;

		private Readiness readiness = Readiness.started();

		private Duration gracePeriod = Duration.ofSeconds(20);

		private Builder(String name, Path jar, List<String> plainCommand) {
			this.name = name;
			this.jar = jar;
			this.plainCommand = plainCommand;
			this.logFile = Path.of(name + ".log");
		}

		/**
		 * Adds JVM options, such as {@code -Xmx256m} (jar processes only).
		 * @param options the options
		 * @return this builder
		 */
		public Builder javaOptions(String... options) {
			this.javaOptions.addAll(List.of(options));
			return this;
		}

		/**
		 * Adds program arguments, such as {@code --server.port=8081}.
		 * @param arguments the arguments
		 * @return this builder
		 */
		public Builder arguments(String... arguments) {
			this.arguments.addAll(List.of(arguments));
			return this;
		}

		/**
		 * Sets one environment variable on top of this process's environment.
		 * @param name the variable
		 * @param value its value
		 * @return this builder
		 */
		public Builder environment(String name, String value) {
			this.environment.put(name, value);
			return this;
		}

		/**
		 * Sets environment variables on top of this process's environment.
		 * @param variables names and values
		 * @return this builder
		 */
		public Builder environment(Map<String, String> variables) {
			this.environment.putAll(variables);
			return this;
		}

		/**
		 * Sets the working directory (default: the current one).
		 * @param directory the folder
		 * @return this builder
		 */
		public Builder workingDirectory(Path directory) {
			this.workingDirectory = directory;
			return this;
		}

		/**
		 * Sets the file that stdout and stderr are appended to (default
		 * {@code <name>.log}).
		 * @param file the log file; its folder is created when needed
		 * @return this builder
		 */
		public Builder logFile(Path file) {
			this.logFile = file;
			return this;
		}

		/**
		 * Ready once this URL answers 200 with {@code "status":"UP"} (Spring Boot
		 * Actuator's health endpoint).
		 * @param url the health URL
		 * @return this builder
		 */
		public Builder healthUrl(String url) {
			this.readiness = Readiness.healthUrl(URI.create(url));
			return this;
		}

		/**
		 * Ready once something accepts connections on this port of localhost.
		 * @param port the port
		 * @return this builder
		 */
		public Builder readyWhenListening(int port) {
			this.readiness = Readiness.portOpen(port);
			return this;
		}

		/**
		 * Ready once the process wrote this text to its log since it was started.
		 * @param text the text to look for
		 * @return this builder
		 */
		public Builder readyWhenLogContains(String text) {
			this.readiness = Readiness.logLine(text);
			return this;
		}

		/**
		 * How long {@link ServiceProcess#stop()} waits after SIGTERM before SIGKILL
		 * (default 20 s).
		 * @param gracePeriod the grace period
		 * @return this builder
		 */
		public Builder gracePeriod(Duration gracePeriod) {
			this.gracePeriod = gracePeriod;
			return this;
		}

		/**
		 * Builds the process definition; nothing runs before
		 * {@link ServiceProcess#start()}.
		 * @return the process
		 */
		public ServiceProcess build() {
			return new ServiceProcess(this);
		}

		private List<String> command() {
			if (this.jar == null) {
				List<String> command = new ArrayList<>(this.plainCommand);
				command.addAll(this.arguments);
				return command;
			}
			List<String> command = new ArrayList<>();
			command.add(javaExecutable());
			command.addAll(this.javaOptions);
			command.add("-jar");
			command.add(this.jar.toAbsolutePath().toString());
			command.addAll(this.arguments);
			return command;
		}

		/**
		 * The {@code java} program of the JVM running this code.
		 * @return the path of the java executable
		 */
		public static String javaExecutable() {
			return Path.of(System.getProperty("java.home"), "bin", "java").toString();
		}

	}

}
