package dev.herald.ingest.record;

import dev.herald.ingest.IngestMetrics;
import dev.herald.ingest.IngestProperties;
import dev.herald.ingest.topic.TaxonomyConfiguration;
import dev.herald.ingest.topic.TopicClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of the records API needs besides the web layer: everything
 * but the Kafka publisher, which the tests replace.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
@Import({ RecordJson.class, EventJson.class, RecordIntake.class, RecordValidator.class, RecordIds.class,
		TaxonomyConfiguration.class, TopicClassifier.class, IngestMetrics.class })
class RecordSliceConfiguration {

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
