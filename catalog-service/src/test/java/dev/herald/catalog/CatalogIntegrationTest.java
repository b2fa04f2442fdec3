package dev.herald.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.herald.localstack.test.EnableHeraldInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one configuration of the catalog's integration tests: the whole application on a
 * random port against the real Kafka broker and MongoDB-protocol server of this JVM.
 * Every class using it shares one cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
				"logging.level.state.change.logger=WARN", "logging.level.org.mongodb.driver=WARN",
				"herald.catalog.outage-retry.initial-interval=200ms", "herald.catalog.outage-retry.max-interval=1s",
				"herald.catalog.public-base-url=" + CatalogHttp.PUBLIC_BASE_URL,
				// Counts as fresh as the records the tests publish
				// (QueryCostIntegrationTests
				// checks the interval).
				"herald.catalog.topic-counts-ttl=0s" })
@EnableHeraldInfrastructure
public @interface CatalogIntegrationTest {

}
