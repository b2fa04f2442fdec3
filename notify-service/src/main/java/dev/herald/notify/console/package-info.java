/**
 * The operator console: HTML pages behind a sign-in with the admin key, for what happened
 * to records, subscribers, dead letters and the mail relays, with every action audited.
 */
package dev.herald.notify.console;
