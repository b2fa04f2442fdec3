/**
 * HTTP concerns shared by the JSON API: problem details and request size bounds.
 */
package dev.herald.notify.web;
