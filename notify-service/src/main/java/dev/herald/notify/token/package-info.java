/**
 * Signed, expiring tokens that let subscribers confirm, manage and cancel a subscription
 * without an account.
 */
package dev.herald.notify.token;
