/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) running inside
 * the JVM.
 */
package dev.herald.localstack.kafka;
