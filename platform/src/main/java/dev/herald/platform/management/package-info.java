/**
 * Actuator apart from the API: the management port's access by key, and the shared
 * management settings ({@code herald/platform/operations.yml}).
 */
package dev.herald.platform.management;
