package dev.herald.bench.figures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.common.utils.Utils;

/**
 * Polls the catalog's API for watched records until each reads, and records how long
 * after its post it first did.
 * <p>
 * Only the oldest record still unread of each partition of the records topic is asked
 * for: the catalog stores a partition's records in their order, so a later one cannot be
 * readable much before it (at most a round of polling, when both came in one write). So
 * the watch adds little load to the cores the figure measures, where asking for every
 * record still unread, over and over, kept one thread reading the catalog without pause.
 */
final class ReadableWatch implements AutoCloseable {

	/** Between rounds of polling: the resolution of the latencies measured. */
	private static final long ROUND_MILLIS = 10;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<Queue<Watched>> partitions;

	private final String catalogUrl;

	private final Latencies latencies;

	private final Thread poller;

	private volatile boolean running = true;

	/**
	 * Starts watching.
	 * @param catalogUrl the catalog's base URL
	 * @param partitions the partitions of the records topic
	 * @param latencies where each record's latency goes
	 */
	ReadableWatch(String catalogUrl, int partitions, Latencies latencies) {
		this.catalogUrl = catalogUrl;
		this.latencies = latencies;
		this.partitions = new ArrayList<>(partitions);
		for (int i = 0; i < partitions; i++) {
			this.partitions.add(new ConcurrentLinkedQueue<>());
		}
		this.poller = new Thread(this::poll, "readable-watch");
		this.poller.start();
	}

	/**
	 * Watches a record, which ingest published keyed by its id (so to the partition
	 * Kafka's default partitioner gives the id).
	 * @param id the record's id
	 * @param sentAt when its post was sent
	 */
	void watch(String id, Instant sentAt) {
		byte[] key = id.getBytes(StandardCharsets.UTF_8);
		int partition = Utils.toPositive(Utils.murmur2(key)) % this.partitions.size();
		this.partitions.get(partition).add(new Watched(id, sentAt));
	}

	/**
	 * Waits until every watched record read, or the time is up; those still unread are
	 * counted lost.
	 * @param timeout how long to wait
	 */
	void awaitAll(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (pending() > 0 && System.nanoTime() < deadline) {
			pause(20);
		}
		this.latencies.lost(pending());
	}

	private int pending() {
		return this.partitions.stream().mapToInt(Queue::size).sum();
	}

	private void poll() {
		while (this.running) {
			for (Queue<Watched> partition : this.partitions) {
				Watched oldest = partition.peek();
				while (oldest != null && readable(oldest.id())) {
					this.latencies.add(oldest.sentAt(), Instant.now());
					partition.poll();
					oldest = partition.peek();
				}
			}
			pause(ROUND_MILLIS);
		}
	}

	private boolean readable(String id) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.catalogUrl + "/api/v1/records/" + id))
				.timeout(Duration.ofSeconds(10))
				.build();
			return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.poller.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Watched(String id, Instant sentAt) {
	}

}
