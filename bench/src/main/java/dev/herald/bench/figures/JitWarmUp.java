package dev.herald.bench.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import dev.herald.bench.report.Progress;
import dev.herald.bench.system.CpuTime;
import dev.herald.bench.system.Service;

/**
 * Warms a service up until its JIT compiler has gone quiet: an untimed round of load,
 * again and again, until the compilers spent less than {@value #QUIET_SHARE} of a round's
 * time compiling (the service's {@code jvm.compilation.time}), or {@value #MAX_ROUNDS}
 * rounds (unless a figure says otherwise). Beside it, the CPU the compiler threads used
 * (read per thread from {@code /proc}) is noted: on two saturated cores the time of a
 * compilation counts its waits for a core too, so the first share can pass 100% while the
 * second stays between a fifth and a half of the service's CPU (R2 and R5 on 2026-11-30).
 * <p>
 * A fixed warm-up is not enough for notify on two busy cores: a recording of every
 * compilation showed about 1,800 of its methods compiled by C2 under R6's load, the C2
 * thread busy through the first two minutes, and notify's CPU per email falling from 2.2
 * ms to 0.9 ms over the timed repetitions that followed a single round.
 */
final class JitWarmUp {

	/** Compilation time per wall time below which the JIT counts as quiet. */
	static final double QUIET_SHARE = 0.25;

	static final int MAX_ROUNDS = 6;

	private JitWarmUp() {
	}

	/**
	 * Runs rounds of load until the service's JIT is quiet.
	 * @param service the service
	 * @param round runs round {@code n} of the load and returns once it is done
	 * @return how many rounds it took, and how the last one went
	 */
	static Result untilQuiet(Service service, IntConsumer round) {
		return untilQuiet(List.of(service), MAX_ROUNDS, round);
	}

	/**
	 * Runs rounds of load until the service's JIT is quiet, at most {@code maxRounds}.
	 * @param service the service
	 * @param maxRounds the most rounds to run
	 * @param round runs round {@code n} of the load and returns once it is done
	 * @return how many rounds it took, and how the last one went
	 */
	static Result untilQuiet(Service service, int maxRounds, IntConsumer round) {
		return untilQuiet(List.of(service), maxRounds, round);
	}

	/**
	 * Runs rounds of load through several services until the JIT of each is quiet; a
	 * round's shares are those of the service whose JIT compiled the most.
	 * @param services the services
	 * @param round runs round {@code n} of the load and returns once it is done
	 * @return how many rounds it took, and how the last one went
	 */
	static Result untilQuiet(List<Service> services, IntConsumer round) {
		return untilQuiet(services, MAX_ROUNDS, round);
	}

	private static Result untilQuiet(List<Service> services, int maxRounds, IntConsumer round) {
		List<Double> shares = new ArrayList<>();
		List<Double> cpuShares = new ArrayList<>();
		List<Double> seconds = new ArrayList<>();
		long begun = System.nanoTime();
		while (shares.size() < maxRounds) {
			List<Sample> before = services.stream().map(Sample::of).toList();
			long started = System.nanoTime();
			round.accept(shares.size());
			double elapsedMillis = (System.nanoTime() - started) / 1e6;
			double share = 0;
			double cpuShare = 0;
			for (int i = 0; i < services.size(); i++) {
				Sample after = Sample.of(services.get(i));
				share = Math.max(share, after.compiledMillis(before.get(i)) / elapsedMillis);
				cpuShare = Math.max(cpuShare, after.compilerShare(before.get(i)));
			}
			shares.add(share);
			seconds.add(elapsedMillis / 1000);
			cpuShares.add(cpuShare);
			if (share < QUIET_SHARE) {
				break;
			}
		}
		Progress.say(String.format(Locale.ROOT, "%s warmed up: %d rounds in %.0f s",
				services.stream().map(Service::name).collect(Collectors.joining(" and ")), shares.size(),
				(System.nanoTime() - begun) / 1e9));
		return new Result(List.copyOf(shares), List.copyOf(cpuShares), List.copyOf(seconds), maxRounds);
	}

	/**
	 * What a service's JIT had done at a moment.
	 *
	 * @param compiledMillis its {@code jvm.compilation.time}
	 * @param compilersSeconds the CPU its compiler threads had used
	 * @param processSeconds the CPU the whole process had used
	 */
	private record Sample(double compiledMillis, double compilersSeconds, double processSeconds) {

		static Sample of(Service service) {
			long pid = service.process().pid();
			return new Sample(Metrics.count(service.url(), "jvm.compilation.time"), CpuTime.ofCompilers(pid),
					CpuTime.ofProcess(pid));
		}

		double compiledMillis(Sample earlier) {
			return this.compiledMillis - earlier.compiledMillis;
		}

		/** The share of the process's CPU since then that its compiler threads used. */
		double compilerShare(Sample earlier) {
			double process = this.processSeconds - earlier.processSeconds;
			return (process > 0) ? Math.max(0, this.compilersSeconds - earlier.compilersSeconds) / process : 0;
		}

	}

	/**
	 * How a warm-up went.
	 *
	 * @param shares for each round, the share of its time that the JIT spent compiling
	 * (summed over the compilations, each counted from its start to its end)
	 * @param cpuShares for each round, the share of the service's CPU that the JIT's
	 * compiler threads used
	 * @param seconds how long each round took
	 * @param maxRounds the most rounds it could have run
	 */
	record Result(List<Double> shares, List<Double> cpuShares, List<Double> seconds, int maxRounds) {

		String describe(String load) {
			return String.format(Locale.ROOT,
					"%s warm-up: %d untimed round%s (%s), the JIT compiling for %s of each round's time (quiet below "
							+ "%.0f%%, at most %d rounds); its compiler threads used %s of the service's CPU",
					load, this.shares.size(), (this.shares.size() == 1) ? "" : "s", seconds(this.seconds),
					percents(this.shares), QUIET_SHARE * 100, this.maxRounds, percents(this.cpuShares));
		}

		private static String seconds(List<Double> seconds) {
			return seconds.stream()
				.map((round) -> String.format(Locale.ROOT, "%.1f s", round))
				.collect(Collectors.joining(", "));
		}

		private static String percents(List<Double> shares) {
			return shares.stream().map((share) -> Math.round(share * 100) + "%").collect(Collectors.joining(", "));
		}

	}

}
