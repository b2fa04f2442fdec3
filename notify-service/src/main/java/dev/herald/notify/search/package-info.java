/**
 * Saved searches: their syntax (words and quoted phrases with AND, OR and NOT, limited to
 * a kind, an organization or a document-symbol prefix), turned into Lucene queries over a
 * record analysed exactly as the catalog analyses it.
 */
package dev.herald.notify.search;
