package dev.herald.catalog;

import dev.herald.catalog.record.RecordQueryParser;
import dev.herald.catalog.topic.Taxonomy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What the web slice tests need besides the controllers: parameter checking and the
 * taxonomy. The data access is mocked there; the integration tests use the real servers.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
@Import({ RecordQueryParser.class, Taxonomy.class })
public class WebSliceConfiguration {

}
