package dev.herald.notify.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.TestProperties;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ledger.Outbox.DueEmail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * When the look at the outbox queries it: every time while the hints are short of a batch
 * for every sender, one time in {@value OutboxLook#EVERY_WHEN_BUSY} while they are not,
 * and at the next turn once they are short again; and from where: after the last email of
 * a full page, from the longest due after a short one or once the pass is as old as a
 * scan-interval. The outbox is this unit's boundary.
 */
class OutboxLookTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	// Two senders taking batches of three: six hints are a batch for every sender.
	private static final int BATCH_FOR_EVERY_SENDER = 6;

	private final Outbox outbox = mock(Outbox.class);

	private final DeliveryHints hints = new DeliveryHints();

	private final NotifyProperties.Delivery delivery = TestProperties
		.with(Map.of("delivery.batch-size", "3", "delivery.concurrency", "2"))
		.delivery();

	private final Duration scanInterval = this.delivery.scanInterval();

	private final OutboxLook look = new OutboxLook(this.outbox, this.hints, this.delivery);

	@Test
	void shouldHintWhatIsDueEveryTimeWhileTheHintsAreShort() {
		given(this.outbox.findDue(NOW, BATCH_FOR_EVERY_SENDER, null)).willReturn(due("a", "b"));

		for (int look = 0; look < 3; look++) {
			assertThat(this.look.look(NOW)).isEqualTo(2);
		}

		then(this.outbox).should(times(3)).findDue(NOW, BATCH_FOR_EVERY_SENDER, null);
		assertThat(taken(10)).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void shouldLookOnlyEveryTenthTimeWhileEverySenderHasABatchWaiting() {
		this.hints.offerAll(ids("queued-", BATCH_FOR_EVERY_SENDER));
		given(this.outbox.findDue(NOW, BATCH_FOR_EVERY_SENDER, null)).willReturn(due("digest"));

		List<Integer> found = new ArrayList<>();
		for (int look = 0; look < 2 * OutboxLook.EVERY_WHEN_BUSY; look++) {
			found.add(this.look.look(NOW));
		}

		then(this.outbox).should(times(2)).findDue(NOW, BATCH_FOR_EVERY_SENDER, null);
		assertThat(found.get(OutboxLook.EVERY_WHEN_BUSY - 1)).isEqualTo(1);
		assertThat(found.get(2 * OutboxLook.EVERY_WHEN_BUSY - 1)).isEqualTo(1);
		assertThat(found.stream().filter((count) -> count == -1)).hasSize(2 * (OutboxLook.EVERY_WHEN_BUSY - 1));
		// What the look found queues behind what was waiting.
		assertThat(taken(BATCH_FOR_EVERY_SENDER + 1)).endsWith("digest");
	}

	@Test
	void shouldLookAtTheNextTurnOnceTheHintsAreShort() {
		this.hints.offerAll(ids("queued-", BATCH_FOR_EVERY_SENDER));
		given(this.outbox.findDue(any(), eq(BATCH_FOR_EVERY_SENDER), any())).willReturn(due("released"));
		assertThat(this.look.look(NOW)).isEqualTo(-1);
		assertThat(this.look.look(NOW)).isEqualTo(-1);
		then(this.outbox).should(never()).findDue(any(), eq(BATCH_FOR_EVERY_SENDER), any());

		// A sender takes a batch: the hints no longer hold one for every sender.
		assertThat(taken(3)).hasSize(3);

		assertThat(this.look.look(NOW)).isEqualTo(1);
		then(this.outbox).should().findDue(NOW, BATCH_FOR_EVERY_SENDER, null);
	}

	@Test
	void afterAFullPageTheNextLookShouldGoOnAfterItsLastEmailAndAShortPageEndThePass() {
		List<DueEmail> first = due("a", "b", "c", "d", "e", "f");
		List<DueEmail> second = due("g", "h");
		given(this.outbox.findDue(NOW, BATCH_FOR_EVERY_SENDER, null)).willReturn(first);
		given(this.outbox.findDue(NOW, BATCH_FOR_EVERY_SENDER, first.get(5))).willReturn(second);

		assertThat(this.look.look(NOW)).isEqualTo(6);
		assertThat(this.look.more()).isTrue();
		assertThat(taken(6)).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");

		assertThat(this.look.look(NOW)).isEqualTo(2);
		assertThat(this.look.more()).isFalse();
		assertThat(taken(6)).containsExactlyInAnyOrder("g", "h");

		// The pass is over: the next starts from the longest due.
		assertThat(this.look.look(NOW)).isEqualTo(6);
		then(this.outbox).should(times(2)).findDue(NOW, BATCH_FOR_EVERY_SENDER, null);
		then(this.outbox).should(times(1)).findDue(NOW, BATCH_FOR_EVERY_SENDER, first.get(5));
	}

	@Test
	void aPassAsOldAsAScanIntervalShouldStartAgainFromTheLongestDue() {
		Instant later = NOW.plus(this.scanInterval);
		List<DueEmail> first = due("a", "b", "c", "d", "e", "f");
		given(this.outbox.findDue(NOW, BATCH_FOR_EVERY_SENDER, null)).willReturn(first);
		given(this.outbox.findDue(later.minusMillis(1), BATCH_FOR_EVERY_SENDER, first.get(5)))
			.willReturn(due("g", "h", "i", "j", "k", "l"));
		given(this.outbox.findDue(later, BATCH_FOR_EVERY_SENDER, null)).willReturn(due("released"));

		assertThat(this.look.look(NOW)).isEqualTo(6);
		taken(6);
		assertThat(this.look.look(later.minusMillis(1))).isEqualTo(6);
		taken(6);
		// Still full, but the pass is as old as a scan-interval: what was released
		// behind it is found now.
		assertThat(this.look.look(later)).isEqualTo(1);
		assertThat(taken(6)).containsExactly("released");
	}

	private List<String> taken(int max) {
		try {
			return this.hints.take(max, Duration.ZERO);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Emails due a second apart, in the order the outbox finds them. */
	static List<DueEmail> due(String... ids) {
		return IntStream.range(0, ids.length)
			.mapToObj((n) -> new DueEmail(ids[n], NOW.minusSeconds(ids.length - n)))
			.toList();
	}

	private static List<String> ids(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((n) -> prefix + n).toList();
	}

}
