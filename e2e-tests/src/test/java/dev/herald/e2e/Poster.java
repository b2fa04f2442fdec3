package dev.herald.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Posts records one at a time at a steady rate, as an operator's feed would, and keeps
 * every answer: the ids of accepted records, and a count per status.
 */
final class Poster implements AutoCloseable {

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final String url;

	private final IntFunction<Object> records;

	private final int total;

	private final AtomicInteger sent = new AtomicInteger();

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	/**
	 * Starts posting.
	 * @param system the system
	 * @param total how many records to post
	 * @param interval the time between two posts
	 * @param records the record of each number
	 */
	Poster(HeraldSystem system, int total, Duration interval, IntFunction<Object> records) {
		this.url = system.ingestUrl() + "/api/v1/records";
		this.records = records;
		this.total = total;
		this.scheduler.scheduleAtFixedRate(this::postNext, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
	}

	private void postNext() {
		int number = this.sent.getAndIncrement();
		if (number >= this.total) {
			this.scheduler.shutdown();
			return;
		}
		Http.Response response = Http.postAsOperator(this.url, this.records.apply(number));
		this.statuses.computeIfAbsent(response.status(), (status) -> new AtomicInteger()).incrementAndGet();
		if (response.status() == 202) {
			this.accepted.add(response.json().get("id").asString());
		}
	}

	int posted() {
		return this.statuses.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	int count(int status) {
		AtomicInteger count = this.statuses.get(status);
		return (count != null) ? count.get() : 0;
	}

	List<String> accepted() {
		return List.copyOf(this.accepted);
	}

	boolean finished() {
		return this.scheduler.isTerminated();
	}

	Map<Integer, AtomicInteger> statuses() {
		return this.statuses;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
