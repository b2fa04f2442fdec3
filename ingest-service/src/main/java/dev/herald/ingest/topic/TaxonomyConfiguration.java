package dev.herald.ingest.topic;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.ingest.IngestProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The topic taxonomy that records are classified with, read from the configured file (the
 * contract's by default).
 */
@Configuration(proxyBeanMethods = false)
public class TaxonomyConfiguration {

	@Bean
	Taxonomy taxonomy(IngestProperties properties) {
		Resource file = properties.taxonomy();
		return Taxonomy.read(file::getInputStream, file.getDescription());
	}

}
