package dev.herald.bench.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.herald.localstack.run.ServiceProcess;

/**
 * The command that runs another main class of the bench in a JVM of its own: from the
 * bench's own executable jar through Spring Boot's {@code PropertiesLauncher}, or from
 * the class path when the bench runs from classes (an IDE).
 */
public final class JavaCommand {

	private static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private JavaCommand() {
	}

	/**
	 * The command line.
	 * @param mainClass the class to run
	 * @param jvmOptions options of the new JVM
	 * @param arguments the program's arguments
	 * @return the command
	 */
	public static List<String> of(String mainClass, List<String> jvmOptions, List<String> arguments) {
		String classPath = System.getProperty("java.class.path");
		List<String> command = new ArrayList<>();
		command.add(ServiceProcess.Builder.javaExecutable());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classPath);
		if (isExecutableJar(classPath)) {
			command.add("-Dloader.main=" + mainClass);
			command.add(LAUNCHER);
		}
		else {
			command.add(mainClass);
		}
		command.addAll(arguments);
		return command;
	}

	private static boolean isExecutableJar(String classPath) {
		return !classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")
				&& Files.isRegularFile(Path.of(classPath));
	}

}
