package dev.herald.platform.tracing;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;

/**
 * The tracing that Spring Boot does not set up by itself, imported by the services that
 * consume records into MongoDB: the {@link RecordSpans} of their batch listeners, and a
 * span for every MongoDB command (Spring Data MongoDB's observation of the driver's
 * commands), a child of the span in scope when there is one. In test slices, where no
 * tracer runs, both trace nothing.
 */
@Configuration(proxyBeanMethods = false)
@Import(RecordSpansConfiguration.class)
public class TracingConfiguration {

	/**
	 * Observes every MongoDB command.
	 * @param registries the observation registry, when there is one
	 * @return the customizer of the client's settings
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer mongoObservation(ObjectProvider<ObservationRegistry> registries) {
		ObservationRegistry registry = registries.getIfAvailable(() -> ObservationRegistry.NOOP);
		return (settings) -> settings.contextProvider(ContextProviderFactory.create(registry))
			.addCommandListener(new MongoObservationCommandListener(registry));
	}

}
