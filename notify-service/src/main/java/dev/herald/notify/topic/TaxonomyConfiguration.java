package dev.herald.notify.topic;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.notify.NotifyProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The topic taxonomy that subscribers choose from, read from the configured file (the
 * contract's by default).
 */
@Configuration(proxyBeanMethods = false)
class TaxonomyConfiguration {

	@Bean
	Taxonomy taxonomy(NotifyProperties properties) {
		Resource file = properties.topics();
		return Taxonomy.read(file::getInputStream, file.getDescription());
	}

}
