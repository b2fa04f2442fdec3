/**
 * The catalog service: its entry point and its configuration properties.
 */
package dev.herald.catalog;
