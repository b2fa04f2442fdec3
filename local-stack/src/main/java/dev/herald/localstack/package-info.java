/**
 * Herald's local stack: embedded real infrastructure for tests and the one-command local
 * run.
 */
package dev.herald.localstack;
