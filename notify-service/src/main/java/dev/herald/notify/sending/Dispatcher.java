package dev.herald.notify.sending;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.herald.notify.NotifyMetrics;
import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.relay.MailRelays;
import dev.herald.platform.logging.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs this instance's senders and the look at the outbox that feeds them.
 * <p>
 * Each sender holds one SMTP connection and loops: take hinted emails, claim and send
 * them as a batch. While every relay fails, senders wait for the first to be usable
 * again; while MongoDB fails, they back off. The look at the outbox ({@link OutboxScan})
 * hints the emails that came due (digests, held alerts, those other instances released or
 * left behind when they died), and the backlog is counted.
 */
@Component
class Dispatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

	private final BatchSender sender;

	private final DeliveryHints hints;

	private final Outbox outbox;

	private final MailRelays relays;

	private final NotifyMetrics metrics;

	private final Clock clock;

	private final NotifyProperties properties;

	private final String instance = UUID.randomUUID().toString();

	private final Object pause = new Object();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	private OutboxScan scan;

	Dispatcher(BatchSender sender, DeliveryHints hints, Outbox outbox, MailRelays relays, NotifyMetrics metrics,
			Clock clock, NotifyProperties properties) {
		this.sender = sender;
		this.hints = hints;
		this.outbox = outbox;
		this.relays = relays;
		this.metrics = metrics;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		for (int i = 0; i < this.properties.delivery().concurrency(); i++) {
			String owner = this.instance + "/" + i;
			this.threads.add(new Thread(() -> sendLoop(owner), "sender-" + i));
		}
		// A look of its own for every start: no pass carries over a restart.
		OutboxLook look = new OutboxLook(this.outbox, this.hints, this.properties.delivery());
		this.scan = new OutboxScan(look, this.hints, () -> {
			this.relays.probe();
			this.metrics.backlog(this.outbox.backlog(this.clock.instant()));
		}, this.clock, this.properties.delivery().scanInterval(), this.properties.retry());
		this.threads.add(new Thread(this.scan::run, "outbox-scan"));
		this.threads.forEach(Thread::start);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.hints.wakeAll();
		if (this.scan != null) {
			this.scan.stop();
		}
		synchronized (this.pause) {
			this.pause.notifyAll();
		}
		for (Thread thread : this.threads) {
			try {
				thread.join(this.properties.delivery().lease().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.threads.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void sendLoop(String owner) {
		int failures = 0;
		try (SmtpConnection connection = new SmtpConnection(this.relays)) {
			while (this.running) {
				try {
					if (failures > 0) {
						await(this.properties.retry().after(failures));
					}
					if (this.relays.inUse().isEmpty()) {
						// Every relay fails: wait for the first pause to end, then look
						// again.
						this.relays.probe();
						await(max(this.relays.pause(), Duration.ofMillis(100)));
						continue;
					}
					List<String> emails = this.hints.take(this.properties.delivery().batchSize(), IDLE_WAIT);
					if (emails.isEmpty() || !this.running) {
						continue;
					}
					// Connected after the wait, to the relay preferred now.
					if (!connection.open()) {
						this.hints.offerAll(emails);
						continue;
					}
					this.sender.send(emails, owner, connection);
					failures = 0;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (RuntimeException ex) {
					failures++;
					logger.warn("Sending failed ({}); trying again in {}", Masking.text(ex.getMessage()),
							this.properties.retry().after(failures), Masking.exception(ex));
				}
			}
		}
	}

	private void await(Duration wait) throws InterruptedException {
		synchronized (this.pause) {
			if (this.running) {
				this.pause.wait(Math.max(1, wait.toMillis()));
			}
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
