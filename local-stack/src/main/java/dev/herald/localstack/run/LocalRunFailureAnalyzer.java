package dev.herald.localstack.run;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Reports the local run's own failures (a port taken, a jar missing, a service that does
 * not come up) as a plain message with what to do, instead of a stack trace.
 */
class LocalRunFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PortsInUseException ports) {
				return new FailureAnalysis(ports.getMessage(), action(ports), ports);
			}
			if (cause instanceof ServiceProcessException process) {
				return new FailureAnalysis(process.getMessage(),
						"Fix the cause named above and start again; everything started so far has been stopped.",
						process);
			}
		}
		return null;
	}

	private static String action(PortsInUseException ports) {
		return "Stop the program that uses the port, or choose another one: " + ports.taken()
			.stream()
			.map((use) -> "--" + use.property() + "=<port>")
			.distinct()
			.collect(Collectors.joining(", ")) + ". Find the program with: ss -ltnp or lsof -i :<port>.";
	}

}
