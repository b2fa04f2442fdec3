/**
 * Abuse limits of the subscribe endpoints: requests per client address, and emails per
 * recipient address held durably in MongoDB.
 */
package dev.herald.notify.ratelimit;
