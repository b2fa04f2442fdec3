package dev.herald.localstack.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local run ({@code herald.run.*}); the list of services is in
 * {@code localstack.yml}.
 *
 * @param services whether to start the services' jars as child processes after the
 * infrastructure
 * @param components which infrastructure servers to start
 * @param kafkaPort the Kafka client port
 * @param mongoPort the MongoDB port
 * @param smtpPort the SMTP port
 * @param inboxPort the port of the inbox page (also {@code server.port})
 * @param projectDirectory the folder holding the services' modules, and the children's
 * working directory
 * @param dataDirectory where Kafka, MongoDB and the logs keep their files
 * @param healthTimeout how long each service may take to report UP
 * @param topics topics to create besides {@code herald.records.v1}, with their partition
 * counts
 * @param javaOptions JVM options for every service
 * @param apps the services to start
 * @param inboxCapacity how many emails the inbox keeps (the oldest go first)
 * @param mongoInMemory whether the MongoDB-protocol server keeps its data in memory only
 * (gone when it stops) instead of in a file under the data directory
 * @param demo whether to load the demo data once the services run: the contract's example
 * records, a confirmed demo subscriber and one alert to it
 */
@ConfigurationProperties("herald.run")
record LocalRunProperties(@DefaultValue("true") boolean services, @DefaultValue( {
		"kafka", "mongo", "smtp" }) Set<Component> components, @DefaultValue("9092") int kafkaPort,
		@DefaultValue("27017") int mongoPort, @DefaultValue("2525") int smtpPort, @DefaultValue("8025") int inboxPort,
		@DefaultValue(".") String projectDirectory, @DefaultValue(".herald") String dataDirectory,
		@DefaultValue("120s") Duration healthTimeout, @DefaultValue Map<String, Integer> topics,
		@DefaultValue List<String> javaOptions, @DefaultValue List<ServiceApp> apps,
		@DefaultValue("1000") int inboxCapacity, @DefaultValue("false") boolean mongoInMemory,
		@DefaultValue("false") boolean demo){

	/**
	 * Whether a server is to be started.
	 * @param component the server
	 * @return {@code true} when it is among {@link #components()}
	 */
	boolean runs(Component component) {
		return this.components.contains(component);
	}

	/**
	 * The project folder. Folders are bound as text and read here, against the working
	 * directory: bound as paths, relative ones would be resolved as resources of the web
	 * server's temporary document root.
	 * @return the absolute project folder
	 */
	Path projectPath() {
		return Path.of(this.projectDirectory).toAbsolutePath().normalize();
	}

	/**
	 * The data folder.
	 * @return the absolute data folder
	 */
	Path dataPath() {
		return Path.of(this.dataDirectory).toAbsolutePath().normalize();
	}

	/**
	 * The folder of the services' logs.
	 * @return {@code <data-directory>/logs}
	 */
	Path logDirectory() {
		return dataPath().resolve("logs");
	}

}
