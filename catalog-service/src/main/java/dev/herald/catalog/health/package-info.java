/**
 * Health indicators of the catalog's infrastructure for the readiness probe.
 */
package dev.herald.catalog.health;
