package dev.herald.notify.sending;

import java.time.Clock;
import java.time.Duration;

import dev.herald.notify.NotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop that looks at the outbox ({@link OutboxLook}): at once when it starts, then
 * every {@code scan-interval}; during a pass over a backlog larger than a batch for every
 * sender, again as soon as fewer than a page of hints is left, so that a backlog no hint
 * brought (digests falling due, a restart) drains as fast as the senders send. Every
 * {@code scan-interval} it also runs the periodic work it is given (the relays' probe,
 * the backlog's count). When the look fails, it tries again after the retry back-off.
 */
final class OutboxScan {

	private static final Logger logger = LoggerFactory.getLogger(OutboxScan.class);

	private final OutboxLook look;

	private final DeliveryHints hints;

	private final Runnable everyInterval;

	private final Clock clock;

	private final Duration interval;

	private final NotifyProperties.Retry retry;

	private volatile boolean running = true;

	private volatile Thread thread;

	OutboxScan(OutboxLook look, DeliveryHints hints, Runnable everyInterval, Clock clock, Duration interval,
			NotifyProperties.Retry retry) {
		this.look = look;
		this.hints = hints;
		this.everyInterval = everyInterval;
		this.clock = clock;
		this.interval = interval;
		this.retry = retry;
	}

	/**
	 * Looks until {@link #stop()}.
	 */
	void run() {
		this.thread = Thread.currentThread();
		int failures = 0;
		long ranAt = System.nanoTime() - this.interval.toNanos();
		while (this.running) {
			try {
				this.look.look(this.clock.instant());
				long now = System.nanoTime();
				if (now - ranAt >= this.interval.toNanos()) {
					this.everyInterval.run();
					ranAt = now;
				}
				failures = 0;
				if (this.look.more()) {
					awaitShortHints();
				}
				else {
					await(this.interval);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				failures++;
				Duration wait = this.retry.after(failures);
				logger.warn("Looking at the outbox failed ({}); trying again in {}", ex.getMessage(), wait);
				try {
					await(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Ends the loop: a wait or a look under way is interrupted.
	 */
	void stop() {
		this.running = false;
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
		}
	}

	/**
	 * Waits until the senders have taken enough hints that a look would not be skipped,
	 * at most a scan-interval.
	 */
	private void awaitShortHints() throws InterruptedException {
		long deadline = System.nanoTime() + this.interval.toNanos();
		long left = this.interval.toNanos();
		while (this.running && left > 0
				&& !this.hints.awaitFewerThan(this.look.batchForEverySender(), Duration.ofNanos(left))) {
			left = deadline - System.nanoTime();
		}
	}

	private void await(Duration wait) throws InterruptedException {
		// stop() interrupts the sleep.
		Thread.sleep(Math.max(1, wait.toMillis()));
	}

}
