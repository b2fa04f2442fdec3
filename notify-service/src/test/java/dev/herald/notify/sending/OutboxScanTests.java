package dev.herald.notify.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.TestProperties;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ledger.Outbox.DueEmail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The loop over the outbox drains a backlog no hint brought as fast as the senders take
 * the hints, not a page per scan-interval: with a scan-interval of an hour, three pages
 * are hinted as soon as a sender has taken the page before. The outbox is this unit's
 * boundary; the hints are the real ones the senders take from.
 */
class OutboxScanTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	// Two senders taking batches of three: a page is six emails.
	private final NotifyProperties properties = TestProperties
		.with(Map.of("delivery.batch-size", "3", "delivery.concurrency", "2", "delivery.scan-interval", "1h"));

	private final Outbox outbox = mock(Outbox.class);

	private final DeliveryHints hints = new DeliveryHints();

	private final AtomicInteger counted = new AtomicInteger();

	private final OutboxScan scan = new OutboxScan(new OutboxLook(this.outbox, this.hints, this.properties.delivery()),
			this.hints, this.counted::incrementAndGet, Clock.fixed(NOW, ZoneOffset.UTC),
			this.properties.delivery().scanInterval(), this.properties.retry());

	private final Thread scanning = new Thread(this.scan::run, "outbox-scan-test");

	private final AtomicBoolean sending = new AtomicBoolean(true);

	@AfterEach
	void stop() throws InterruptedException {
		this.sending.set(false);
		this.scan.stop();
		this.scanning.join(10_000);
	}

	@Test
	void aBacklogOfThreePagesShouldBeHintedPageAfterPageAsTheSenderTakesThemWithoutWaitingAnInterval() {
		List<DueEmail> first = OutboxLookTests.due("a", "b", "c", "d", "e", "f");
		List<DueEmail> second = OutboxLookTests.due("g", "h", "i", "j", "k", "l");
		List<DueEmail> third = OutboxLookTests.due("m", "n");
		given(this.outbox.findDue(NOW, 6, null)).willReturn(first);
		given(this.outbox.findDue(NOW, 6, first.get(5))).willReturn(second);
		given(this.outbox.findDue(NOW, 6, second.get(5))).willReturn(third);
		List<String> taken = new CopyOnWriteArrayList<>();
		Thread sender = new Thread(() -> {
			try {
				while (this.sending.get()) {
					taken.addAll(this.hints.take(3, Duration.ofMillis(100)));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "sender-test");

		this.scanning.start();
		sender.start();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(taken).hasSize(14));
		assertThat(taken).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
				"n");
		// The backlog's count and the relays' probe stay at one per interval.
		assertThat(this.counted).hasValue(1);
	}

	@Test
	void stopShouldEndTheLoopWhileItWaitsForTheSendersToTakeAPage() {
		given(this.outbox.findDue(NOW, 6, null)).willReturn(OutboxLookTests.due("a", "b", "c", "d", "e", "f"));

		this.scanning.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.hints.size() == 6);
		this.scan.stop();

		await().atMost(Duration.ofSeconds(10)).until(() -> !this.scanning.isAlive());
	}

}
