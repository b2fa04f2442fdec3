package dev.herald.notify;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.herald.localstack.test.EnableHeraldInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * An integration test of the whole service against the real Kafka broker,
 * MongoDB-protocol server and SMTP server of this JVM. Every class with this annotation
 * shares one Spring context; tests keep apart by using their own addresses, topics and
 * records. Two sender threads instead of the default four keep a 5,000-email fan-out
 * within what the test SMTP server's inbox (its most recent 1,000 emails) lets a test
 * observe between two polls.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "herald.notify.public-base-url=https://notify.herald.test",
		"herald.notify.catalog-base-url=https://catalog.herald.test", "herald.notify.retry.initial-interval=200ms",
		"herald.notify.retry.max-interval=2s", "herald.notify.retry.max-attempts=90",
		"herald.notify.delivery.sweep-interval=1h", "herald.notify.delivery.concurrency=2" })
@AutoConfigureMockMvc
@EnableHeraldInfrastructure
public @interface NotifyIntegrationTest {

}
