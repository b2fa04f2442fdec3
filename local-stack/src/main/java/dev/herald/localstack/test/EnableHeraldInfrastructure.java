package dev.herald.localstack.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.Import;

/**
 * Connects a Spring Boot test to the {@link HeraldInfrastructure} of this JVM (started on
 * first use): registers {@code spring.kafka.bootstrap-servers},
 * {@code spring.mongodb.uri}, {@code spring.mail.host} and {@code spring.mail.port}, and,
 * for containers, the {@code @ServiceConnection} beans of Kafka and MongoDB.
 * <p>
 * The infrastructure starts before the test class runs; a class that asks for containers
 * where Docker is missing is skipped.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;EnableHeraldInfrastructure
 * class RecordIngestIntegrationTests {
 *
 * 	private final HeraldInfrastructure infra = HeraldInfrastructure.get();
 *
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(HeraldInfrastructureImportSelector.class)
@ExtendWith(HeraldInfrastructureExtension.class)
public @interface EnableHeraldInfrastructure {

}
