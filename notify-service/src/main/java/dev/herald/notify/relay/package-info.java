/**
 * The SMTP relays: which one is in use, what their replies mean (a recipient refused, or
 * a relay failing), and moving to the next relay while one fails.
 */
package dev.herald.notify.relay;
