package dev.herald.localstack.run;

import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One service the local run starts from its packaged jar.
 *
 * @param name the Maven module and artifact, such as {@code ingest-service}
 * @param port the HTTP port (passed as {@code SERVER_PORT})
 * @param pages paths worth opening, printed once everything runs
 */
record ServiceApp(String name, int port, @DefaultValue List<String> pages) {

	/**
	 * The base URL.
	 * @return {@code http://localhost:<port>}
	 */
	String url() {
		return "http://localhost:" + this.port;
	}

	/**
	 * The Actuator health URL.
	 * @return the URL whose status must be UP
	 */
	String healthUrl() {
		return url() + "/actuator/health";
	}

}
