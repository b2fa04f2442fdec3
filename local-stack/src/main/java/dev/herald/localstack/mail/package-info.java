/**
 * An SMTP server that keeps every email it receives, and the inbox page that shows them.
 */
package dev.herald.localstack.mail;
