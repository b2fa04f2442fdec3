/**
 * Atom feeds of the newest records matching a filter.
 */
package dev.herald.catalog.feed;
