package dev.herald.bench.baseline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.JavaCommand;
import dev.herald.localstack.Ports;
import dev.herald.localstack.run.ServiceProcess;

/**
 * The running {@link TrivialEndpointApplication}.
 *
 * @param process its process
 * @param port its port on localhost
 */
public record TrivialEndpoint(ServiceProcess process, int port) implements AutoCloseable {

	/** The path of its endpoint: the same as ingest's. */
	public static final String PATH = "/api/v1/records";

	/**
	 * Starts the application with the services' JVM settings and waits until it listens.
	 * @param workingDirectory where it runs
	 * @param log its log file
	 * @return the running endpoint
	 */
	public static TrivialEndpoint start(Path workingDirectory, Path log) {
		int port = Ports.free();
		ServiceProcess process = ServiceProcess
			.command("trivial-endpoint",
					JavaCommand.of(TrivialEndpointApplication.class.getName(), BenchSystem.JVM_OPTIONS,
							List.of("--server.port=" + port, "--spring.main.banner-mode=off")))
			.workingDirectory(workingDirectory)
			.logFile(log)
			.readyWhenListening(port)
			.build();
		process.start().awaitReady(Duration.ofSeconds(120));
		return new TrivialEndpoint(process, port);
	}

	@Override
	public void close() {
		this.process.close();
	}

}
