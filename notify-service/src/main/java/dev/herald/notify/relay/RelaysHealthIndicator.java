package dev.herald.notify.relay;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Mail is up while some SMTP relay is usable. A failing relay whose pause is over is
 * tried with a connection, so that health shows a recovery even when nothing is being
 * sent. Replaces Spring Boot's indicator of the same name ({@code mail}), which knows one
 * relay only; the details name the relay in use.
 */
@Component("mailHealthIndicator")
class RelaysHealthIndicator extends AbstractHealthIndicator {

	private final MailRelays relays;

	RelaysHealthIndicator(MailRelays relays) {
		super("Mail health check failed");
		this.relays = relays;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.relays.probe();
		Map<String, Object> states = new LinkedHashMap<>();
		for (Relay relay : this.relays.all()) {
			states.put(relay.name(), relay.isFailing() ? "failing: " + relay.lastFailure() : "up");
		}
		builder.withDetail("relays", states);
		this.relays.inUse()
			.ifPresentOrElse((relay) -> builder.up().withDetail("inUse", relay.name()),
					() -> builder.down().withDetail("inUse", "none"));
	}

}
