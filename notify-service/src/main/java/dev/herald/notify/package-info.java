/**
 * The notify service: subscriptions, matching of records to subscribers and email alerts.
 */
package dev.herald.notify;
