/**
 * HTTP concerns: problem details and request size bounds of the JSON API, the language of
 * pages.
 */
package dev.herald.notify.web;
