package dev.herald.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time used by processes, read from {@code /proc/<pid>/stat} (user plus system time),
 * so that a figure can say what each process spent per record: the cost that capacity
 * planning multiplies.
 */
public final class CpuTime {

	/** Clock ticks per second of {@code /proc} on Linux. */
	private static final double TICKS_PER_SECOND = 100.0;

	private final Map<String, Double> seconds;

	private CpuTime(Map<String, Double> seconds) {
		this.seconds = seconds;
	}

	/**
	 * The CPU seconds each process has used so far.
	 * @param pids process ids by name
	 * @return the snapshot
	 */
	static CpuTime of(Map<String, Long> pids) {
		Map<String, Double> seconds = new LinkedHashMap<>();
		pids.forEach((name, pid) -> seconds.put(name, read(pid)));
		return new CpuTime(seconds);
	}

	/**
	 * The CPU each process used since an earlier snapshot, per unit of work.
	 * @param earlier the snapshot at the start
	 * @param units the work done in between (records, emails)
	 * @return milliseconds of CPU per 1,000 units, by process
	 */
	public Map<String, Double> millisPerThousandSince(CpuTime earlier, double units) {
		Map<String, Double> cost = new LinkedHashMap<>();
		this.seconds.forEach((name, now) -> {
			Double before = earlier.seconds.get(name);
			if (before != null && now >= before) {
				cost.put(name, (now - before) * 1000 / units * 1000);
			}
		});
		return cost;
	}

	/**
	 * A cost as text.
	 * @param cost milliseconds per 1,000 units by process
	 * @return such as {@code catalog-service 120 ms, mongo 95 ms}
	 */
	public static String describe(Map<String, Double> cost) {
		return cost.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() >= 0.5)
			.map((entry) -> String.format(Locale.ROOT, "%s %.0f ms", entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", "));
	}

	/**
	 * The CPU seconds a process has used so far.
	 * @param pid the process
	 * @return its user plus system time, or 0 when it cannot be read
	 */
	public static double ofProcess(long pid) {
		return read(pid);
	}

	/**
	 * The CPU seconds a JVM's JIT compiler threads have used so far (those alive now).
	 * @param pid the JVM's process
	 * @return their user plus system time, or 0 when they cannot be read
	 */
	public static double ofCompilers(long pid) {
		try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			return tasks.filter(CpuTime::isCompiler).mapToDouble((task) -> read(task.resolve("stat"))).sum();
		}
		catch (IOException | UncheckedIOException ex) {
			return 0;
		}
	}

	private static boolean isCompiler(Path task) {
		try {
			String name = Files.readString(task.resolve("comm")).trim();
			return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static double read(long pid) {
		return read(Path.of("/proc/" + pid + "/stat"));
	}

	private static double read(Path statFile) {
		try {
			String stat = Files.readString(statFile);
			// Fields after the command name, which is in parentheses and may hold spaces.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	static Map<String, Long> self() {
		Map<String, Long> pids = new HashMap<>();
		pids.put("bench", ProcessHandle.current().pid());
		return pids;
	}

}
