package dev.herald.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the bench.
 *
 * @param root the project folder (with the service modules and their jars)
 * @param repetitions how many times each figure is measured (the table shows the median)
 * @param jfr whether each service records a JDK Flight Recorder profile
 * @param only the figures to measure, empty for all
 * @param scale factor on every count and duration, for a quick trial below 1
 * @param settings extra Spring Boot properties per service, for experiments
 * @param javaOptions extra JVM options per service, for experiments
 */
public record BenchOptions(Path root, int repetitions, boolean jfr, Set<String> only, double scale,
		Map<String, List<String>> settings, Map<String, List<String>> javaOptions) {

	static final String USAGE = """
			Usage: ./herald bench [--repetitions=3] [--jfr] [--only=R1,R2,R5,L1,Q1,R6,N1,L2,M1,N2] [--scale=1.0]
			  --repetitions=N  measure each figure N times (at least 3 for the published table)
			  --jfr            record a JDK Flight Recorder profile of every service (bench/target/jfr/)
			  --only=IDS       measure only these figures (H is always reported); N2 is measured only when named
			  --scale=F        multiply every count and duration by F (a quick trial: 0.2)
			  --root=FOLDER    measure the services built in another checkout of Herald (before and after)
			  --set=SERVICE:PROPERTY=VALUE
			                   start a service with another setting, to try it (repeatable), such as
			                   --set=catalog-service:spring.kafka.listener.concurrency=1
			  --java=SERVICE:OPTION
			                   start a service with another JVM option, to try it (repeatable), such as
			                   --java=notify-service:-XX:+UseShenandoahGC
			""";

	static BenchOptions parse(String... arguments) {
		int repetitions = 3;
		boolean jfr = false;
		Set<String> only = new LinkedHashSet<>();
		double scale = 1.0;
		Map<String, List<String>> settings = new LinkedHashMap<>();
		Map<String, List<String>> javaOptions = new LinkedHashMap<>();
		Path root = projectRoot();
		for (String argument : arguments) {
			if (argument.startsWith("--repetitions=")) {
				repetitions = Integer.parseInt(value(argument));
			}
			else if (argument.equals("--jfr")) {
				jfr = true;
			}
			else if (argument.startsWith("--only=")) {
				only.addAll(List.of(value(argument).toUpperCase().split(",")));
			}
			else if (argument.startsWith("--scale=")) {
				scale = Double.parseDouble(value(argument));
			}
			else if (argument.startsWith("--root=")) {
				root = Path.of(value(argument)).toAbsolutePath().normalize();
			}
			else if (argument.startsWith("--set=") && argument.indexOf(':') > 6) {
				String setting = value(argument);
				settings.computeIfAbsent(setting.substring(0, setting.indexOf(':')), (service) -> new ArrayList<>())
					.add("--" + setting.substring(setting.indexOf(':') + 1));
			}
			else if (argument.startsWith("--java=") && argument.indexOf(':') > 7) {
				String option = value(argument);
				javaOptions.computeIfAbsent(option.substring(0, option.indexOf(':')), (service) -> new ArrayList<>())
					.add(option.substring(option.indexOf(':') + 1));
			}
			else {
				throw new IllegalArgumentException("Unknown option " + argument + "\n" + USAGE);
			}
		}
		if (repetitions < 1 || scale <= 0) {
			throw new IllegalArgumentException("--repetitions and --scale must be positive\n" + USAGE);
		}
		return new BenchOptions(root, repetitions, jfr, only, scale, settings, javaOptions);
	}

	/**
	 * Whether a figure is measured in this run.
	 * @param id the figure's id
	 * @return whether it was asked for
	 */
	public boolean measures(String id) {
		return this.only.isEmpty() || this.only.contains(id);
	}

	/**
	 * Whether a figure left out of the full run is measured in this one.
	 * @param id the figure's id
	 * @return whether it was named
	 */
	public boolean measuresOnRequest(String id) {
		return this.only.contains(id);
	}

	/**
	 * A count scaled by {@link #scale()}, at least 1.
	 * @param count the full count
	 * @return the count of this run
	 */
	public int scaled(int count) {
		return Math.max(1, (int) Math.round(count * this.scale));
	}

	/**
	 * Whether this run measures less than the full bench.
	 * @return whether figures were left out or scaled down
	 */
	public boolean partial() {
		return !this.only.isEmpty() || this.scale < 1.0 || !this.settings.isEmpty() || !this.javaOptions.isEmpty();
	}

	/**
	 * The extra settings of a service.
	 * @param service the service's name
	 * @return its {@code --property=value} arguments
	 */
	public List<String> settingsOf(String service) {
		return this.settings.getOrDefault(service, List.of());
	}

	/**
	 * The extra JVM options of a service.
	 * @param service the service's name
	 * @return its JVM options, after the bench's own
	 */
	public List<String> javaOptionsOf(String service) {
		return this.javaOptions.getOrDefault(service, List.of());
	}

	private static String value(String argument) {
		return argument.substring(argument.indexOf('=') + 1);
	}

	private static Path projectRoot() {
		Path here = Path.of("").toAbsolutePath();
		return Files.exists(here.resolve("bench")) ? here : here.getParent();
	}

}
