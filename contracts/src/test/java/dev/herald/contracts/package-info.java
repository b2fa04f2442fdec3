/**
 * Tests that prove the wire contract: the record schema against its examples, the topic
 * taxonomy and the AsyncAPI document.
 */
package dev.herald.contracts;
