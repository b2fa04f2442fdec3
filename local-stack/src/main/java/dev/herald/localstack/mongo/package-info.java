/**
 * A MongoDB wire-protocol server for tests (in memory) and the local run (in a file).
 */
package dev.herald.localstack.mongo;
