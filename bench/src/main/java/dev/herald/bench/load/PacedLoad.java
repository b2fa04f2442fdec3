package dev.herald.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop HTTP load: requests leave at a fixed rate whatever the answers, as from
 * many independent clients, and each answer is handed to a callback with the time its
 * request left.
 */
public final class PacedLoad {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/**
	 * Sends requests at a rate for a time, then waits for the last answers.
	 * @param perSecond requests per second
	 * @param duration how long requests are sent
	 * @param requests the n-th request
	 * @param answers called with each request's number, send time and answer
	 * @return how many requests were sent
	 */
	public int run(double perSecond, Duration duration, IntFunction<HttpRequest> requests, Answers answers) {
		long interval = (long) (1e9 / perSecond);
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
		int sent = 0;
		for (long next = start; next < end; next += interval) {
			LockSupport.parkNanos(next - System.nanoTime());
			int number = sent++;
			Instant at = Instant.now();
			inFlight.add(this.client.sendAsync(requests.apply(number), HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, failure) -> answers.accept(number, at, (failure == null) ? response : null)));
		}
		CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
			.orTimeout(60, TimeUnit.SECONDS)
			.exceptionally((failure) -> null)
			.join();
		return sent;
	}

	/**
	 * Receives answers.
	 */
	@FunctionalInterface
	public interface Answers {

		/**
		 * One answer.
		 * @param number the request's number
		 * @param sentAt when it was sent
		 * @param response the answer, or {@code null} when the request failed
		 */
		void accept(int number, Instant sentAt, HttpResponse<String> response);

	}

}
