package dev.herald.catalog.record;

import java.util.concurrent.TimeUnit;

import dev.herald.catalog.CatalogProperties;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes MongoDB operations give up on an unreachable server after
 * {@code herald.catalog.mongo-timeout} instead of the driver's 30 seconds, so that health
 * probes answer promptly and the listener's outage back-off takes over.
 */
@Configuration(proxyBeanMethods = false)
class MongoClientConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer catalogMongoTimeout(CatalogProperties properties) {
		long millis = properties.mongoTimeout().toMillis();
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
	}

}
