package dev.herald.bench.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Warms a service up until its JIT compiler has gone quiet: an untimed round of load,
 * again and again, until the compilers spent less than {@value #QUIET_SHARE} of a round's
 * time compiling (the service's {@code jvm.compilation.time}), or {@value #MAX_ROUNDS}
 * rounds.
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
	 * @param serviceUrl the service, whose actuator tells its compilation time
	 * @param round runs round {@code n} of the load and returns once it is done
	 * @return how many rounds it took, and how the last one went
	 */
	static Result untilQuiet(String serviceUrl, IntConsumer round) {
		List<Double> shares = new ArrayList<>();
		while (shares.size() < MAX_ROUNDS) {
			double compiledBefore = Metrics.count(serviceUrl, "jvm.compilation.time");
			long started = System.nanoTime();
			round.accept(shares.size());
			double elapsedMillis = (System.nanoTime() - started) / 1e6;
			double share = (Metrics.count(serviceUrl, "jvm.compilation.time") - compiledBefore) / elapsedMillis;
			shares.add(share);
			if (share < QUIET_SHARE) {
				break;
			}
		}
		return new Result(List.copyOf(shares));
	}

	/**
	 * How a warm-up went.
	 *
	 * @param shares for each round, the share of its time that the JIT spent compiling
	 * (summed over the compiler threads, so it can pass 100%)
	 */
	record Result(List<Double> shares) {

		String describe(String load) {
			return String.format(Locale.ROOT,
					"%s warm-up: %d untimed round%s, the JIT compiling for %s of each round's time (quiet below "
							+ "%.0f%%, at most %d rounds)",
					load, this.shares.size(), (this.shares.size() == 1) ? "" : "s",
					this.shares.stream()
						.map((share) -> Math.round(share * 100) + "%")
						.collect(Collectors.joining(", ")),
					QUIET_SHARE * 100, MAX_ROUNDS);
		}

	}

}
