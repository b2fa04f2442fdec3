/**
 * The HTTP layer's shared parts: problem responses for every error and the OpenAPI
 * description.
 */
package dev.herald.ingest.web;
