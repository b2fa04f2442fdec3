/**
 * Server-rendered HTML pages for readers: the searchable listing and the record page.
 */
package dev.herald.catalog.web;
