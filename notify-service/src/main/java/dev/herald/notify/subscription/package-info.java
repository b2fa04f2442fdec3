/**
 * Subscribers and their subscriptions: subscribing with double opt-in, confirming,
 * managing topics and unsubscribing through signed links, without an account.
 */
package dev.herald.notify.subscription;
