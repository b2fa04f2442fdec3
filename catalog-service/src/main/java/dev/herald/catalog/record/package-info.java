/**
 * The stored records: their MongoDB document, indexes, queries with keyset pagination,
 * and the JSON API over them.
 */
package dev.herald.catalog.record;
