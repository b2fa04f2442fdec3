/**
 * Spans of a record's path that the framework cannot draw: per record of a batch, and of
 * work done later for records.
 */
package dev.herald.platform.tracing;
