/**
 * End-to-end tests: the local stack and the three services as separate processes, driven
 * through their public HTTP APIs and the SMTP inbox.
 */
package dev.herald.e2e;
