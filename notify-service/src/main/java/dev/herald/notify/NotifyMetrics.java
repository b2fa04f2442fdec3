package dev.herald.notify;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The service's own meters: emails sent and failed (by reason), matches per record, send
 * latency and the ledger backlog.
 */
@Component
public class NotifyMetrics {

	private final MeterRegistry registry;

	private final Counter sent;

	private final DistributionSummary matches;

	private final Timer sendLatency;

	private final AtomicLong backlog = new AtomicLong();

	NotifyMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.sent = Counter.builder("herald.notify.emails.sent")
			.description("Alert emails the SMTP server accepted")
			.register(registry);
		this.matches = DistributionSummary.builder("herald.notify.matches")
			.description("Subscribers matched per published record")
			.baseUnit("subscribers")
			.register(registry);
		this.sendLatency = Timer.builder("herald.notify.send.latency")
			.description("Time to hand one alert to the SMTP server")
			.register(registry);
		Gauge.builder("herald.notify.ledger.backlog", this.backlog, AtomicLong::get)
			.description("Deliveries in the ledger still pending")
			.register(registry);
	}

	/**
	 * An alert went through.
	 * @param latency time the SMTP server took
	 */
	public void emailSent(Duration latency) {
		this.sent.increment();
		this.sendLatency.record(latency);
	}

	/**
	 * An alert failed.
	 * @param reason {@code permanent}, {@code transient}, {@code exhausted} or
	 * {@code invalid}
	 */
	public void emailFailed(String reason) {
		Counter.builder("herald.notify.emails.failed")
			.description("Alert emails that failed, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/**
	 * A record was matched.
	 * @param subscribers how many subscribers it matched
	 */
	public void matched(long subscribers) {
		this.matches.record(subscribers);
	}

	/**
	 * The ledger's pending deliveries, as last counted.
	 * @param pending the count
	 */
	public void backlog(long pending) {
		this.backlog.set(pending);
	}

}
