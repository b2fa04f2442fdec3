package dev.herald.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the bench ran on: cores, memory, JDK and operating system.
 *
 * @param cores processors available to the JVM
 * @param memoryGib physical memory, or 0 when unknown
 * @param jdk the JDK's vendor and version
 * @param os the operating system and architecture
 */
public record Machine(int cores, double memoryGib, String jdk, String os) {

	/**
	 * This machine.
	 * @return its description
	 */
	public static Machine current() {
		return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryGib(),
				System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.arch"));
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%d cores, %.0f GiB, %s, %s", this.cores, this.memoryGib, this.jdk, this.os);
	}

	private static double readMemoryGib() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
				}
			}
		}
		catch (IOException ex) {
			// not Linux: unknown
		}
		return 0;
	}

}
