/**
 * The language of pages, imported by the services that serve pages.
 */
package dev.herald.platform.web;
