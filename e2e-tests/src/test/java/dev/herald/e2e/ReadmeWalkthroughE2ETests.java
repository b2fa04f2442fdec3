package dev.herald.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's "Try it" commands verbatim, but for the ports of this run, against
 * the running system, so that the README cannot rot.
 */
@ExtendWith(HeraldSystemExtension.class)
class ReadmeWalkthroughE2ETests {

	private static final Pattern DOCUMENTED_PORT = Pattern.compile("localhost:(\\d{4})\\b");

	private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

	@Test
	void readmeTryItCommandsShouldWorkAsWritten(HeraldSystem system) throws Exception {
		List<String> blocks = tryItBlocks(system.projectRoot().resolve("README.md"));
		assertThat(blocks).as("bash blocks in the README's Try it section").hasSizeGreaterThanOrEqualTo(5);
		String script = "set -euo pipefail\n" + withPorts(String.join("\n", blocks), system.documentedPorts());
		Path output = system.directory().resolve("readme-walkthrough.log");
		Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		boolean finished = bash.waitFor(3, TimeUnit.MINUTES);
		if (!finished) {
			bash.destroyForcibly();
		}
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		System.out.println("README walkthrough printed:\n" + printed);
		assertThat(finished).as("the walkthrough finished within 3 minutes").isTrue();
		assertThat(bash.exitValue()).as(printed).isZero();
		assertThat(printed).contains("\"id\"")
			.contains("Council of Foreign Ministers")
			.contains("confirmed: HTTP 200")
			.contains("[Herald] Statement: Statement on the readiness of the peacekeeping forces");
	}

	static List<String> tryItBlocks(Path readme) throws IOException {
		String text = Files.readString(readme, StandardCharsets.UTF_8);
		int start = text.indexOf("<!-- try-it:start -->");
		int end = text.indexOf("<!-- try-it:end -->");
		assertThat(start).as("try-it markers in the README").isNotNegative().isLessThan(end);
		List<String> blocks = new ArrayList<>();
		Matcher matcher = BASH_BLOCK.matcher(text.substring(start, end));
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		return blocks;
	}

	private static String withPorts(String script, Map<Integer, Integer> ports) {
		Matcher matcher = DOCUMENTED_PORT.matcher(script);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			int documented = Integer.parseInt(matcher.group(1));
			matcher.appendReplacement(result, "localhost:" + ports.getOrDefault(documented, documented));
		}
		matcher.appendTail(result);
		return result.toString();
	}

}
