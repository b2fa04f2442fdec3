package dev.herald.bench.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Samples, once a second, the resident memory of each service process (from
 * {@code /proc}) and its used heap (from its actuator), and keeps the peaks per service
 * across all the processes a service had during the run.
 */
final class MemorySampler implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "memory-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Watched> watched = new ConcurrentHashMap<>();

	private final Map<String, MemoryPeak> peaks = new ConcurrentHashMap<>();

	MemorySampler() {
		this.scheduler.scheduleWithFixedDelay(this::sampleAll, 1, 1, TimeUnit.SECONDS);
	}

	void watch(String service, long pid, int port) {
		this.watched.put(service, new Watched(pid,
				URI.create("http://localhost:" + port + "/actuator/metrics/jvm.memory.used?tag=area:heap")));
	}

	void unwatch(String service) {
		Watched gone = this.watched.remove(service);
		if (gone != null) {
			sample(service, gone);
		}
	}

	Map<String, MemoryPeak> peaks() {
		return Map.copyOf(this.peaks);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	void sampleNow() {
		sampleAll();
	}

	private void sampleAll() {
		this.watched.forEach(this::sample);
	}

	private void sample(String service, Watched process) {
		long rss = peakRss(process.pid());
		long heap = heap(process.heapUrl());
		this.peaks.merge(service, new MemoryPeak(heap, rss),
				(a, b) -> new MemoryPeak(Math.max(a.heapBytes(), b.heapBytes()), Math.max(a.rssBytes(), b.rssBytes())));
	}

	// VmHWM is the process's own peak of resident memory, so nothing between samples is
	// missed.
	private static long peakRss(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process ended
		}
		return 0;
	}

	private long heap(URI url) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return 0;
			}
			JsonNode measurement = JSON.readTree(response.body()).path("measurements").path(0);
			return (long) measurement.path("value").asDouble();
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private record Watched(long pid, URI heapUrl) {
	}

}
