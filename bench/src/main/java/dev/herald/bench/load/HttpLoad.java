package dev.herald.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * A closed-loop HTTP load: a fixed number of connections, each sending its next request
 * as soon as the answer to the previous one arrived, for a fixed time.
 */
public final class HttpLoad {

	private final String host;

	private final int port;

	private final int connections;

	/**
	 * A load over the given number of connections to a server.
	 * @param host the server's host
	 * @param port its port
	 * @param connections concurrent requests, hence connections
	 */
	public HttpLoad(String host, int port, int connections) {
		this.host = host;
		this.port = port;
		this.connections = connections;
	}

	/**
	 * Runs the load.
	 * @param duration how long
	 * @param requests the n-th request's bytes ({@link RawHttp#post})
	 * @param itemsOf how many items an answer counts (0 when it failed)
	 * @return items per second, and the number of failed answers
	 */
	public Throughput run(Duration duration, IntFunction<byte[]> requests, ToIntFunction<RawHttp.Response> itemsOf) {
		AtomicLong items = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		AtomicLong sequence = new AtomicLong();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.connections; i++) {
			Thread thread = new Thread(() -> {
				try (RawHttp connection = new RawHttp(this.host, this.port)) {
					while (System.nanoTime() < deadline) {
						int counted = send(connection, requests.apply((int) sequence.getAndIncrement()), itemsOf);
						if (counted > 0) {
							items.addAndGet(counted);
						}
						else {
							failures.incrementAndGet();
						}
					}
				}
			}, "load-" + i);
			thread.start();
			threads.add(thread);
		}
		join(threads);
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Throughput(items.get() / seconds, failures.get());
	}

	private static int send(RawHttp connection, byte[] request, ToIntFunction<RawHttp.Response> itemsOf) {
		try {
			return itemsOf.applyAsInt(connection.send(request));
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static void join(List<Thread> threads) {
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * What a load achieved.
	 *
	 * @param perSecond items per second
	 * @param failures answers that counted no item
	 */
	public record Throughput(double perSecond, long failures) {
	}

}
