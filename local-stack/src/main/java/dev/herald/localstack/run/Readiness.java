package dev.herald.localstack.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How a {@link ServiceProcess} shows that it is ready, checked once at a time.
 *
 * @param check whether the process is ready now, given what it wrote to its log
 * @param description what is waited for, for messages
 */
record Readiness(Predicate<ProcessLog> check, String description) {

	private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	boolean test(ProcessLog log) {
		return this.check.test(log);
	}

	/**
	 * Ready once the URL answers 200 with {@code "status":"UP"} (Spring Boot Actuator's
	 * health endpoint).
	 */
	static Readiness healthUrl(URI url) {
		return new Readiness((log) -> {
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}, "status UP at " + url);
	}

	/**
	 * Ready once something accepts connections on the port of localhost.
	 */
	static Readiness portOpen(int port) {
		return new Readiness((log) -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", port), 1000);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}, "listening on port " + port);
	}

	/**
	 * Ready once the process wrote the text to its log.
	 */
	static Readiness logLine(String text) {
		return new Readiness((log) -> {
			try {
				return log.sinceStart().contains(text);
			}
			catch (IOException ex) {
				return false;
			}
		}, "\"" + text + "\" in its log");
	}

	/**
	 * Ready as soon as it runs.
	 */
	static Readiness started() {
		return new Readiness((log) -> true, "started");
	}

}
