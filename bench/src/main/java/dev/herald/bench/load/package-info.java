/**
 * Load for the services: HTTP clients, generated records and events.
 */
package dev.herald.bench.load;
