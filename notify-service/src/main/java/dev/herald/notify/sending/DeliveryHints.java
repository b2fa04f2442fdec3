package dev.herald.notify.sending;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Emails due now that this instance's senders should look at: those its matcher just
 * scheduled, so that an alert goes out without waiting for the next look at the outbox,
 * and those that look found. Only a hint: a sender still claims each email, and an email
 * whose hint is lost (a full queue, a restart) is found by the next look. Each email is
 * queued once, in the order it came.
 */
@Component
public class DeliveryHints {

	private static final int CAPACITY = 100_000;

	private final LinkedHashSet<String> emails = new LinkedHashSet<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition offered = this.lock.newCondition();

	private final Condition drawn = this.lock.newCondition();

	/**
	 * Hints at an email due now.
	 * @param emailId the email
	 */
	public void offer(String emailId) {
		offerAll(List.of(emailId));
	}

	/**
	 * Hints at emails due now.
	 * @param emailIds the emails
	 */
	public void offerAll(Collection<String> emailIds) {
		this.lock.lock();
		try {
			for (String emailId : emailIds) {
				if (this.emails.size() < CAPACITY) {
					this.emails.add(emailId);
				}
			}
			this.offered.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Takes hinted emails, waiting a while for the first when there is none.
	 * @param max most emails taken
	 * @param wait longest wait for the first
	 * @return the emails, empty when none came
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	List<String> take(int max, Duration wait) throws InterruptedException {
		this.lock.lock();
		try {
			long nanos = wait.toNanos();
			while (this.emails.isEmpty() && nanos > 0) {
				nanos = this.offered.awaitNanos(nanos);
			}
			List<String> taken = new ArrayList<>(Math.min(max, this.emails.size()));
			Iterator<String> queued = this.emails.iterator();
			while (queued.hasNext() && taken.size() < max) {
				taken.add(queued.next());
				queued.remove();
			}
			if (!taken.isEmpty()) {
				this.drawn.signalAll();
			}
			return taken;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits, while at least a count of emails are hinted, until a sender takes some, or a
	 * while.
	 * @param count the count
	 * @param wait longest wait
	 * @return whether fewer than the count are hinted now
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	boolean awaitFewerThan(int count, Duration wait) throws InterruptedException {
		this.lock.lock();
		try {
			if (this.emails.size() >= count && wait.toNanos() > 0) {
				this.drawn.awaitNanos(wait.toNanos());
			}
			return this.emails.size() < count;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wakes every sender waiting for hints, to let it stop.
	 */
	void wakeAll() {
		this.lock.lock();
		try {
			this.offered.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Emails hinted and not yet taken.
	 * @return their number
	 */
	int size() {
		this.lock.lock();
		try {
			return this.emails.size();
		}
		finally {
			this.lock.unlock();
		}
	}

}
