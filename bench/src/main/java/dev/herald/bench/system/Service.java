package dev.herald.bench.system;

import dev.herald.localstack.run.ServiceProcess;

/**
 * A running service process and where it answers.
 *
 * @param name the module name, such as {@code ingest-service}
 * @param port its HTTP port
 * @param process the process
 */
public record Service(String name, int port, ServiceProcess process) {

	/**
	 * The base URL.
	 * @return {@code http://localhost:<port>}
	 */
	public String url() {
		return "http://localhost:" + this.port;
	}

}
