/**
 * Operator authentication with API keys sent as bearer tokens and configured as SHA-256
 * hashes.
 */
package dev.herald.ingest.security;
