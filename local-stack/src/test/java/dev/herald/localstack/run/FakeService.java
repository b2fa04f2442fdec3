package dev.herald.localstack.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service, run as a child process by the tests: answers
 * {@code /actuator/health} with status UP on the port given as first argument or in
 * {@code SERVER_PORT}, or exits at once with the status given as {@code exit=<status>}.
 */
public final class FakeService {

	private FakeService() {
	}

	public static void main(String[] args) throws IOException {
		String port = (args.length > 0) ? args[0] : System.getenv("SERVER_PORT");
		if (port.startsWith("exit=")) {
			System.out.println("failing on purpose");
			System.exit(Integer.parseInt(port.substring("exit=".length())));
		}
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", Integer.parseInt(port)), 0);
		server.createContext("/actuator/health", (exchange) -> {
			byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		System.out.println(
				"fake service listening on " + port + " with Kafka at " + System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
	}

	/**
	 * A service that fails at start.
	 */
	public static final class Failing {

		private Failing() {
		}

		public static void main(String[] args) {
			System.out.println("failing on purpose");
			System.exit(3);
		}

	}

}
