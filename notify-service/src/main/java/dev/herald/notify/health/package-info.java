/**
 * Health of the infrastructure the service needs to be ready: Kafka and MongoDB (mail is
 * Spring Boot's own indicator).
 */
package dev.herald.notify.health;
