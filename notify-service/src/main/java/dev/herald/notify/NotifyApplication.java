package dev.herald.notify;

import java.time.Clock;

import dev.herald.platform.tracing.TracingConfiguration;
import dev.herald.platform.web.PageLocales;
import dev.herald.platform.web.ProblemErrorReports;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Subscriptions with double opt-in, matching of published records to subscribers, and
 * email alerts that arrive once.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ PageLocales.class, ProblemErrorReports.class, TracingConfiguration.class })
@EnableScheduling
public class NotifyApplication {

	static {
		// Jakarta Mail looks up its stream provider with a ServiceLoader for every MIME
		// part it builds or writes; inside a packaged jar that scan cost more than all
		// the rest of writing an email. Named here, the lookup is a plain class load.
		String provider = "jakarta.mail.util.StreamProvider";
		if (System.getProperty(provider) == null) {
			System.setProperty(provider, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	public static void main(String[] args) {
		SpringApplication.run(NotifyApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
