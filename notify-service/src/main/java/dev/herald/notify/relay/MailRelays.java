package dev.herald.notify.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import dev.herald.notify.NotifyProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP relays in order of preference: the first of {@code herald.notify.mail.relays},
 * or the one of {@code spring.mail} when none is listed. Sending goes through the first
 * relay that is not failing; a relay-level failure marks that relay failing and pauses it
 * (1 s, doubling, at most the retry's longest interval), so sending moves to the next.
 * The outbox scan and the health check probe a failing relay once its pause is over, and
 * sending moves back to it as soon as it accepts a connection. Metrics and health show
 * which relay is in use.
 */
@Component
public class MailRelays {

	private static final Logger logger = LoggerFactory.getLogger(MailRelays.class);

	private final List<Relay> relays;

	private final NotifyProperties.Retry retry;

	MailRelays(JavaMailSenderImpl springMail, NotifyProperties properties, MeterRegistry meters) {
		this.relays = relays(springMail, properties.mail().relays());
		this.retry = properties.retry();
		for (Relay relay : this.relays) {
			Gauge.builder("herald.notify.relay.active", () -> (inUse().orElse(null) == relay) ? 1 : 0)
				.description("1 for the SMTP relay emails go through now, 0 for the others")
				.tag("relay", relay.name())
				.register(meters);
			Gauge.builder("herald.notify.relay.failing", () -> relay.isFailing() ? 1 : 0)
				.description("1 while the SMTP relay fails")
				.tag("relay", relay.name())
				.register(meters);
		}
	}

	/**
	 * The relays, in order of preference.
	 * @return the relays
	 */
	public List<Relay> all() {
		return this.relays;
	}

	/**
	 * The relay to send through now.
	 * @return the first relay not failing, or empty while all fail
	 */
	public Optional<Relay> inUse() {
		return this.relays.stream().filter((relay) -> !relay.isFailing()).findFirst();
	}

	/**
	 * How long until some relay may be tried again.
	 * @return zero when one is usable now
	 */
	public Duration pause() {
		return this.relays.stream().map(Relay::pause).min(Comparator.naturalOrder()).orElse(Duration.ZERO);
	}

	/**
	 * A relay failed: it pauses, and sending moves to the next.
	 * @param relay the relay
	 * @param reason its reply or the error
	 */
	public void failed(Relay relay, String reason) {
		relay.failed(reason, this.retry);
		logger.warn("SMTP relay {} failed ({}); sending moves to {}", relay.name(), reason,
				inUse().map(Relay::name).orElse("none until one recovers"));
	}

	/**
	 * A relay accepted an email.
	 * @param relay the relay
	 */
	public void succeeded(Relay relay) {
		if (relay.succeeded(true)) {
			logger.info("SMTP relay {} works again", relay.name());
		}
	}

	/**
	 * Tries a connection to each relay that failed and whose pause is over, or that did
	 * not prove to work lately, so that health shows a failure or a recovery even while
	 * nothing is sent.
	 */
	public void probe() {
		for (Relay relay : this.relays) {
			if (relay.isDueForProbe()) {
				try {
					relay.mailSender().testConnection();
					if (relay.succeeded(false)) {
						logger.info("SMTP relay {} accepts connections again", relay.name());
					}
				}
				catch (MessagingException ex) {
					failed(relay, SmtpFailure.connecting(ex).reply());
				}
			}
		}
	}

	private static List<Relay> relays(JavaMailSenderImpl springMail, List<NotifyProperties.Relay> configured) {
		List<Relay> relays = new ArrayList<>();
		if (configured.isEmpty()) {
			relays.add(new Relay(springMail.getHost() + ":" + springMail.getPort(), springMail));
			return List.copyOf(relays);
		}
		for (NotifyProperties.Relay settings : configured) {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost(settings.host());
			sender.setPort(settings.port());
			sender.setUsername(settings.username());
			sender.setPassword(settings.password());
			sender.setDefaultEncoding("UTF-8");
			Properties javaMail = new Properties();
			javaMail.putAll(springMail.getJavaMailProperties());
			if (settings.starttls()) {
				javaMail.put("mail.smtp.starttls.enable", "true");
				javaMail.put("mail.smtp.starttls.required", "true");
			}
			if (settings.username() != null) {
				javaMail.put("mail.smtp.auth", "true");
			}
			sender.setJavaMailProperties(javaMail);
			relays.add(new Relay(settings.host() + ":" + settings.port(), sender));
		}
		return List.copyOf(relays);
	}

}
