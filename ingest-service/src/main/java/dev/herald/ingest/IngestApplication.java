package dev.herald.ingest;

import java.time.Clock;

import dev.herald.platform.tracing.RecordSpansConfiguration;
import dev.herald.platform.web.ProblemErrorReports;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The operators' API: validates, classifies and publishes meeting and statement records
 * to Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ ProblemErrorReports.class, RecordSpansConfiguration.class })
public class IngestApplication {

	public static void main(String[] args) {
		SpringApplication.run(IngestApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
