/**
 * Sending: sender threads claim due emails from the outbox, write them and send them
 * through the SMTP relay in use, and record each outcome before they claim more.
 */
package dev.herald.notify.sending;
