package dev.herald.notify;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.herald.localstack.test.EnableHeraldInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * An integration test of the whole service against the real Kafka broker,
 * MongoDB-protocol server and SMTP server of this JVM. Every class with this annotation
 * shares one Spring context; tests keep apart by using their own addresses, topics and
 * records. Two sender threads instead of the default four keep a 5,000-email fan-out
 * within what the test SMTP server's inbox (its most recent 10,000 emails) lets a test
 * observe between two polls. Kafka clients give up on a call within 5 to 10 seconds, so
 * that the outage tests outlast every timeout. The service's clock is a
 * {@link TestClock}, which tests move forward.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "herald.notify.public-base-url=https://notify.herald.test",
		"herald.notify.catalog-base-url=https://catalog.herald.test", "herald.notify.retry.initial-interval=200ms",
		"herald.notify.retry.max-interval=2s", "herald.notify.delivery.scan-interval=200ms",
		"herald.notify.delivery.concurrency=2", "spring.kafka.consumer.properties.default.api.timeout.ms=5000",
		"spring.kafka.producer.properties.request.timeout.ms=4000",
		"spring.kafka.producer.properties.delivery.timeout.ms=10000",
		"spring.kafka.producer.properties.max.block.ms=5000" })
@Import(TestClockConfiguration.class)
@AutoConfigureMockMvc
@EnableHeraldInfrastructure
public @interface NotifyIntegrationTest {

}
