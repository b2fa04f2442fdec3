package dev.herald.catalog;

import dev.herald.catalog.record.RecordQueryParser;
import dev.herald.catalog.web.PublicLinks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What the web slice tests need besides the controllers and the application's own beans
 * (the taxonomy, the text analyzer): parameter checking. The data access is mocked there;
 * the integration tests use the real servers.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
@Import({ RecordQueryParser.class, PublicLinks.class })
public class WebSliceConfiguration {

}
