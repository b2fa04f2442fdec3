package dev.herald.notify.relay;

import java.time.Duration;

import dev.herald.notify.NotifyProperties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP relay and how it fares: working, or failing. A failing relay is not sent
 * through; once its pause is over a probe connects to it, and a relay that accepts the
 * connection works again. The pause doubles with each failure until an email goes
 * through, so that a relay which accepts connections and then refuses every email (a
 * quota, say) is tried less and less often. Pauses run on the system's monotonic timer,
 * not on the service's clock, which tests move to days and seasons.
 */
public final class Relay {

	/** How long a success shows the relay works, without another look. */
	static final Duration PROVEN_FOR = Duration.ofSeconds(30);

	private final String name;

	private final JavaMailSenderImpl mailSender;

	private long failingUntil = System.nanoTime();

	private boolean failing;

	private int failures;

	private String lastFailure;

	private long lastSuccess = System.nanoTime() - PROVEN_FOR.toNanos();

	Relay(String name, JavaMailSenderImpl mailSender) {
		this.name = name;
		this.mailSender = mailSender;
	}

	/**
	 * Its name in health, metrics and logs.
	 * @return {@code host:port}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Its connection settings and session.
	 * @return the mail sender configured for it
	 */
	public JavaMailSenderImpl mailSender() {
		return this.mailSender;
	}

	synchronized Duration pause() {
		long left = this.failingUntil - System.nanoTime();
		return (!this.failing || left <= 0) ? Duration.ZERO : Duration.ofNanos(left);
	}

	public synchronized boolean isFailing() {
		return this.failing;
	}

	public synchronized String lastFailure() {
		return this.lastFailure;
	}

	synchronized void failed(String reason, NotifyProperties.Retry retry) {
		this.failures++;
		long pause = retry.after(this.failures).toNanos();
		this.failing = true;
		this.lastFailure = reason;
		this.failingUntil = System.nanoTime() + pause;
	}

	/**
	 * It accepted a connection or an email.
	 * @param emailAccepted whether an email went through, which ends the doubling of
	 * pauses
	 * @return whether it was failing until now
	 */
	synchronized boolean succeeded(boolean emailAccepted) {
		boolean recovered = this.failing;
		this.failing = false;
		if (emailAccepted) {
			this.failures = 0;
		}
		this.lastSuccess = System.nanoTime();
		return recovered;
	}

	/**
	 * Whether it is worth a look: failing with its pause over, or not proven to work
	 * lately.
	 */
	synchronized boolean isDueForProbe() {
		long now = System.nanoTime();
		return this.failing ? now - this.failingUntil >= 0 : now - this.lastSuccess > PROVEN_FOR.toNanos();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
