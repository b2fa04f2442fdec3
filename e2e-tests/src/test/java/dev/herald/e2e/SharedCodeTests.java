package dev.herald.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the services share has one home: no module's production code carries its own copy
 * of the CloudEvents header names, the problem-type base, a Kafka or MongoDB health
 * check, the record contract's validator or the reader of {@code topics.yml}. Each rule
 * reads every production source of the project and names the files that break it.
 */
class SharedCodeTests {

	private static final List<Source> sources = new ArrayList<>();

	@BeforeAll
	static void readSources() throws IOException {
		Path root = HeraldSystem.findProjectRoot();
		try (Stream<Path> files = Files.walk(root, 12)) {
			files.filter((file) -> file.toString().endsWith(".java"))
				.map(root::relativize)
				.filter((file) -> file.getNameCount() > 4 && file.subpath(1, 4).equals(Path.of("src", "main", "java")))
				.forEach((file) -> sources.add(Source.read(root, file)));
		}
		System.out.printf("Shared code: %d production sources read%n", sources.size());
		assertThat(sources).as("production sources of the services")
			.anyMatch((source) -> source.path().startsWith("ingest-service"))
			.anyMatch((source) -> source.path().startsWith("catalog-service"))
			.anyMatch((source) -> source.path().startsWith("notify-service"));
	}

	@ParameterizedTest
	@EnumSource(Rule.class)
	void whatTheServicesShareShouldHaveOneHome(Rule rule) {
		List<String> copies = sources.stream()
			.filter(rule::breaksIt)
			.map(Source::path)
			.map(Path::toString)
			.filter((path) -> !path.endsWith(rule.home) && !rule.alsoAllowed(path))
			.toList();
		assertThat(copies).as("%s belong in %s only", rule.what, rule.home).isEmpty();
		assertThat(sources).as("%s are still found in their home", rule.what)
			.anyMatch((source) -> source.path().toString().endsWith(rule.home) && rule.breaksIt(source));
	}

	/**
	 * One shared thing: how a copy of it shows in source, and where it lives.
	 */
	enum Rule {

		CLOUD_EVENTS_HEADERS("the CloudEvents header names", "\"ce_[a-z]+\"",
				"contracts/src/main/java/dev/herald/contracts/CloudEvents.java"),

		PROBLEM_TYPES("problem types", "https://herald\\.dev/problems/",
				"platform/src/main/java/dev/herald/platform/web/ProblemTypes.java",
				// The API description's example answers, as a client reads them.
				"ingest-service/src/main/java/dev/herald/ingest/record/ApiExamples.java"),

		KAFKA_HEALTH("Kafka health checks",
				"(implements|extends)\\s+\\w*HealthIndicator[\\s\\S]*\\b(Admin|KafkaAdmin)\\b",
				"platform/src/main/java/dev/herald/platform/health/KafkaHealthIndicator.java"),

		MONGODB_HEALTH("MongoDB health checks",
				"(implements|extends)\\s+\\w*HealthIndicator[\\s\\S]*\\b(MongoTemplate|MongoClient|MongoDatabase)\\b",
				"platform/src/main/java/dev/herald/platform/health/MongoHealthIndicator.java"),

		CONTRACT_VALIDATOR("JSON Schema validators of the record contract", "\\bcom\\.networknt\\.schema\\b",
				"contracts/src/main/java/dev/herald/contracts/RecordContract.java",
				"contracts/src/main/java/dev/herald/contracts/"),

		TOPICS_READER("readers of topics.yml", "\\b(dataformat\\.yaml|snakeyaml|YAMLMapper|Yaml\\w*FactoryBean)\\b",
				"contracts/src/main/java/dev/herald/contracts/topics/Taxonomy.java");

		private final String what;

		private final Pattern copy;

		private final String home;

		private final List<String> alsoAllowed;

		Rule(String what, String copy, String home, String... alsoAllowed) {
			this.what = what;
			this.copy = Pattern.compile(copy);
			this.home = home;
			this.alsoAllowed = List.of(alsoAllowed);
		}

		boolean breaksIt(Source source) {
			return this.copy.matcher(source.text()).find();
		}

		boolean alsoAllowed(String path) {
			return this.alsoAllowed.stream().anyMatch(path::startsWith);
		}

	}

	record Source(Path path, String text) {

		static Source read(Path root, Path path) {
			try {
				return new Source(path, Files.readString(root.resolve(path), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
