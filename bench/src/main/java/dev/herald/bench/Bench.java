package dev.herald.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import dev.herald.bench.figures.CatalogFigures;
import dev.herald.bench.figures.IngestFigures;
import dev.herald.bench.figures.NotifyFigures;
import dev.herald.bench.figures.ReadableLatencyFigures;
import dev.herald.bench.figures.SearchLoadFigures;
import dev.herald.bench.report.Figure;
import dev.herald.bench.report.Machine;
import dev.herald.bench.report.Progress;
import dev.herald.bench.report.ResultTable;
import dev.herald.bench.system.BenchSystem;
import dev.herald.bench.system.MemoryPeak;

/**
 * Runs the bench: starts the servers, measures every figure beside its baseline, prints
 * the table and writes it to {@code bench/results/}.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		long start = System.nanoTime();
		ResultTable table = new ResultTable(Machine.current(), options.repetitions(),
				"./herald bench" + (args.length > 0 ? " " + String.join(" ", args) : ""));
		try (BenchSystem system = BenchSystem.start(options)) {
			say("servers up; run folder " + options.root().relativize(system.directory()));
			double[] r2 = new double[1];
			double[] rawStore = new double[1];
			Parts parts = new Parts(table);
			parts.run("R1, R2: ingest", options.measures("R1") || options.measures("R2") || options.measures("L1"),
					() -> r2[0] = new IngestFigures(system, options).run(table));
			CatalogFigures catalog = new CatalogFigures(system, options);
			parts.run("R5, Q1: catalog draining a backlog, then searched while records stream in",
					options.measures("R5") || options.measures("Q1"),
					() -> rawStore[0] = catalog.backlogThenSearches(table, new SearchLoadFigures(options)));
			parts.run("L1: POST to readable in the catalog", options.measures("L1"),
					() -> new ReadableLatencyFigures(system, options).run(table, r2[0] / 2, rawStore[0]));
			parts.run(
					"R6, N1, L2, M1: notify", options.measures("R6") || options.measures("N1") || options.measures("L2")
							|| options.measures("M1") || options.measuresOnRequest("N2"),
					() -> new NotifyFigures(system, options).run(table));
			memory(table, system.memoryPeaks(), options);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		Path folder = options.root().resolve(options.partial() ? "bench/target/results" : "bench/results");
		Path written = table.write(folder, took);
		System.out.println();
		System.out.println(table.markdown(took));
		say("table written to " + options.root().relativize(written));
	}

	private static void memory(ResultTable table, Map<String, MemoryPeak> peaks, BenchOptions options) {
		peaks.forEach((service,
				peak) -> table.add(Figure.text("H",
						service + ": peak heap used / peak RSS (-Xmx384m"
								+ ((service.equals("notify-service") && options.measures("M1"))
										? "; -Xmx1g with M1's saved searches)" : ")"),
						String.format(Locale.ROOT, "%.0f / %.0f MiB", peak.heapBytes() / 1024.0 / 1024.0,
								peak.rssBytes() / 1024.0 / 1024.0))));
	}

	private static void say(String message) {
		Progress.say(message);
	}

	/**
	 * The parts of a run, each announced and timed.
	 */
	private record Parts(ResultTable table) {

		void run(String part, boolean measured, Runnable measure) {
			if (!measured) {
				return;
			}
			say(part);
			long start = System.nanoTime();
			measure.run();
			this.table.part(part.substring(0, part.indexOf(':')), Duration.ofNanos(System.nanoTime() - start));
		}

	}

}
