package dev.herald.localstack.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The log file a {@link ServiceProcess} appends its output to, read from where the
 * current process started writing: what it wrote, and its last lines for a message.
 */
final class ProcessLog {

	private static final int TAIL_LINES = 30;

	private final Path file;

	private long startOffset;

	ProcessLog(Path file) {
		this.file = file;
	}

	Path file() {
		return this.file;
	}

	/**
	 * Remembers the log's current end as the start of a new process's output, creating
	 * the log's folder when needed.
	 * @throws IOException if the folder cannot be created or the file read
	 */
	synchronized void markStart() throws IOException {
		Files.createDirectories(this.file.toAbsolutePath().getParent());
		this.startOffset = Files.exists(this.file) ? Files.size(this.file) : 0;
	}

	/**
	 * What the current process wrote.
	 * @return the text since {@link #markStart()}
	 * @throws IOException if the file cannot be read
	 */
	String sinceStart() throws IOException {
		byte[] log = Files.readAllBytes(this.file);
		int from = (int) Math.min(startOffset(), log.length);
		return new String(log, from, log.length - from, StandardCharsets.UTF_8);
	}

	/**
	 * The last lines the current process wrote, to show in a message where the log file
	 * cannot be read (a CI report).
	 * @return a phrase to append to a message, empty when the log cannot be read
	 */
	String tail() {
		try {
			List<String> lines = sinceStart().lines().toList();
			if (lines.isEmpty()) {
				return "; it wrote nothing";
			}
			List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
			return "; its last lines:\n  " + String.join("\n  ", tail);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * The machine's available memory, where Linux tells it: a process killed by the
	 * out-of-memory killer leaves no other trace in its own log.
	 * @return a phrase to append to a message, empty where it is not known
	 */
	static String memoryAvailable() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
			return lines.filter((line) -> line.startsWith("MemAvailable:"))
				.findFirst()
				.map((line) -> " (machine memory available now: " + line.replaceAll("\\D+", "") + " kB)")
				.orElse("");
		}
		catch (IOException | UncheckedIOException ex) {
			return "";
		}
	}

	private synchronized long startOffset() {
		return this.startOffset;
	}

}
