package dev.herald.localstack.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes executable jars that run {@link FakeService} from the test classes, laid out
 * like a built module: {@code <project>/<name>/target/<name>-0.1.0-SNAPSHOT.jar}.
 */
final class FakeServiceJars {

	private FakeServiceJars() {
	}

	static Path write(Path projectDirectory, String name, Class<?> mainClass) throws IOException {
		Path target = Files.createDirectories(projectDirectory.resolve(name).resolve("target"));
		Path jar = target.resolve(name + "-0.1.0-SNAPSHOT.jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
		manifest.getMainAttributes()
			.put(Attributes.Name.CLASS_PATH,
					FakeService.class.getProtectionDomain().getCodeSource().getLocation().toString());
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
			jarOut.flush();
		}
		return jar;
	}

	/**
	 * Starts a service jar as a run without a supervisor leaves it: the shell that
	 * started it exits at once, so it is handed to another parent.
	 * @param jar the jar
	 * @param port the port it listens on
	 * @return its pid
	 */
	static long startOrphan(Path jar, int port) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process shell = new ProcessBuilder("sh", "-c",
				"\"$0\" -jar \"$1\" \"$2\" > /dev/null 2>&1 < /dev/null & echo $!", java,
				jar.toAbsolutePath().toString(), Integer.toString(port))
			.redirectErrorStream(true)
			.start();
		String pid = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (shell.waitFor() != 0) {
			throw new IllegalStateException("Could not start " + jar + ": " + pid);
		}
		return Long.parseLong(pid);
	}

}
