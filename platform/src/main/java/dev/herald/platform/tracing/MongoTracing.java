package dev.herald.platform.tracing;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;

/**
 * A span for every MongoDB command (Spring Data MongoDB's observation of the driver's
 * commands), a child of the span in scope when there is one. Spring Boot does not set it
 * up by itself; the services that use MongoDB import this.
 */
@Configuration(proxyBeanMethods = false)
public class MongoTracing {

	/**
	 * Observes every command; without an observation registry (test slices), nothing.
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
