package dev.herald.notify.sending;

import java.time.Clock;

import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.subscription.ScheduleChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A subscriber changed schedule: their waiting emails become due now, so that a sender
 * looks at them and moves each where the new schedule puts it (or sends it, when that is
 * now). Emails a sender holds at that moment go as they were planned.
 */
@Component
class ScheduleChanges {

	private final Outbox outbox;

	private final Clock clock;

	ScheduleChanges(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	@EventListener
	void onScheduleChanged(ScheduleChanged change) {
		this.outbox.makeDue(change.subscriberId(), this.clock.instant());
	}

}
