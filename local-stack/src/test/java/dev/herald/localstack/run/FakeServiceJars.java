package dev.herald.localstack.run;

import java.io.IOException;
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

}
