/**
 * Text analysis for search, shared by the catalog's search and notify's saved searches:
 * the normalized, stemmed words of a record and of a query.
 */
package dev.herald.contracts.text;
