/**
 * Test support: one Kafka broker, MongoDB server and SMTP server per test JVM, embedded
 * or in containers, connected to Spring Boot tests by
 * {@code @EnableHeraldInfrastructure}.
 */
package dev.herald.localstack.test;
