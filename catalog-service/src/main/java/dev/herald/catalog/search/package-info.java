/**
 * Text analysis for search: the normalized, stemmed words stored with each record and
 * looked up for each query.
 */
package dev.herald.catalog.search;
