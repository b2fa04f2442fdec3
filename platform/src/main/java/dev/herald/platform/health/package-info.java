/**
 * Health indicators of the infrastructure the services share, declared by each service
 * with its own settings.
 */
package dev.herald.platform.health;
