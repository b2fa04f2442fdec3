/**
 * Server-rendered HTML pages for readers, the searchable listing and the record page, in
 * English and Russian.
 */
package dev.herald.catalog.web;
