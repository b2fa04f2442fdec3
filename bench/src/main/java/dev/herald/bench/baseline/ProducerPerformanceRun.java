package dev.herald.bench.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.JavaCommand;

/**
 * The baseline of R2: Kafka's own producer benchmark
 * ({@code org.apache.kafka.tools.ProducerPerformance}) in a JVM of its own, with
 * {@code acks=all} and the default (idempotent) producer, on the same broker.
 */
public final class ProducerPerformanceRun {

	private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

	private ProducerPerformanceRun() {
	}

	/**
	 * Runs the benchmark once.
	 * @param bootstrapServers the broker
	 * @param topic a topic with as many partitions as the records topic
	 * @param records how many records to send
	 * @param recordSize bytes per record
	 * @param log where its output goes
	 * @return records per second
	 */
	public static double run(String bootstrapServers, String topic, int records, int recordSize, Path log) {
		List<String> command = JavaCommand.of("org.apache.kafka.tools.ProducerPerformance", BenchSystem.JVM_OPTIONS,
				List.of("--topic", topic, "--num-records", Integer.toString(records), "--record-size",
						Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
						"bootstrap.servers=" + bootstrapServers, "acks=all"));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("ProducerPerformance failed; see " + log);
			}
			return lastSummary(Files.readString(log, StandardCharsets.UTF_8), records);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run ProducerPerformance", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double lastSummary(String output, int records) {
		Matcher matcher = SUMMARY.matcher(output);
		Double perSecond = null;
		while (matcher.find()) {
			if (Integer.parseInt(matcher.group(1)) == records) {
				perSecond = Double.parseDouble(matcher.group(2));
			}
		}
		if (perSecond == null) {
			throw new IllegalStateException("ProducerPerformance printed no summary of " + records + " records");
		}
		return perSecond;
	}

}
